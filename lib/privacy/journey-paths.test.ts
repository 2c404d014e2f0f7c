import { describe, expect, it } from "vitest";
import { createMasker } from "./mask";

const policy = { fields: { "identity.user.registered": ["email"] }, patterns: [] };

describe("the live journeys' people paths in the masker", () => {
  const masker = createMasker(policy, { journeyPaths: ["data.customer.name", "data.customer.email", "data.guests[*].name", "subject"] });

  it("masks the paths inside data in every event, whatever its type", () => {
    const data = { customer: { name: "Ada Lovelace", email: "ada@example.test" }, productId: "P-1", guests: [{ name: "Charles" }, { name: "Mary" }] };
    expect(masker.eventData("shop.order.completed", data)).toEqual({
      customer: { name: "A•• ••••••••", email: "a••@•••••••.••••" },
      productId: "P-1",
      guests: [{ name: "C••••••" }, { name: "••••" }],
    });
    expect(masker.eventData("anything.else", { customer: { name: "Ada Lovelace" } })).toEqual({ customer: { name: "A•• ••••••••" } });
  });

  it("keeps the policy's own paths, and leaves data without those paths as it is", () => {
    expect(masker.eventData("identity.user.registered", { email: "x" })).toEqual({ email: "•" });
    expect(masker.eventData("shop.product.viewed", { productId: "P-1", name: "Blue mug" })).toEqual({ productId: "P-1", name: "Blue mug" });
  });

  it("masks a state's values under those paths' last keys, as for the policy's", () => {
    expect(masker.state({ facts: { name: "Ada Lovelace", product: "P-1" } })).toEqual({ facts: { name: "A•• ••••••••", product: "P-1" } });
  });

  it("without journey paths, masks only what the policy says", () => {
    expect(createMasker(policy).eventData("shop.order.completed", { customer: { name: "Ada Lovelace" } })).toEqual({ customer: { name: "Ada Lovelace" } });
  });
});
