import { describe, expect, it } from "vitest";
import type { JourneyDocument } from "../journeys/definition/definition-schema";
import { describeDefinitionChange } from "./describe-change";

const shop: JourneyDocument = {
  name: "shop",
  label: "Shop visits",
  priority: 10,
  claims: { types: ["shop.*"], sources: ["*"] },
  steps: [
    { key: "viewed", label: "Viewed a product", when: { type: "shop.product.viewed" } },
    { key: "carted", label: "Added to cart", when: { type: "shop.cart.added" } },
    { key: "ordered", label: "Ordered", when: { type: "shop.order.completed" } },
  ],
  outcome: { completed: "ordered", abandonedAfter: "carted" },
  facts: [{ key: "items", label: "Items", keep: "count", when: { type: "shop.cart.added" } }],
};

describe("describeDefinitionChange", () => {
  it("calls the first version so", () => {
    expect(describeDefinitionChange(null, shop)).toBe("first version");
  });

  it("says no change for the same document", () => {
    expect(describeDefinitionChange(shop, structuredClone(shop))).toBe("no change");
  });

  it("lists label, priority, steps added, removed and changed, and other sections by name", () => {
    const after: JourneyDocument = {
      ...shop,
      label: "Shop",
      priority: 5,
      steps: [
        { key: "viewed", label: "Saw a product", when: { type: "shop.product.viewed" } },
        { key: "ordered", label: "Ordered", when: { type: "shop.order.completed" } },
        { key: "paid", label: "Paid", when: { type: "shop.payment.succeeded" } },
      ],
      outcome: { completed: "paid" },
      facts: [],
      dimensions: [{ key: "product", label: "Product", from: "data.productId" }],
    };
    expect(describeDefinitionChange(shop, after)).toBe(
      'label "Shop visits" → "Shop"; priority 10 → 5; steps + paid; steps − carted; steps ~ viewed; facts − items; dimensions + product; outcome changed',
    );
  });

  it("notices steps that only changed order", () => {
    const swapped = { ...shop, steps: [shop.steps[1]!, shop.steps[0]!, shop.steps[2]!] };
    expect(describeDefinitionChange(shop, swapped)).toBe("steps reordered: carted > viewed > ordered");
  });
});
