import { describe, expect, it } from "vitest";
import { aJourneyEvent, SHOP_DOCUMENT } from "../testing/shop-journey";
import { catalogOfDocuments } from "./journey-catalog";
import { previewFold, type SampleSession } from "./preview-fold";

const session = (id: string, types: string[], now: Partial<SampleSession> = {}): SampleSession => ({
  id,
  startedAt: new Date("2026-06-01T10:00:00Z"),
  journey: "generic",
  lastStep: "—",
  outcome: "browsed",
  open: false,
  events: types.map((type) => aJourneyEvent(type)),
  ...now,
});

describe("previewFold: recent sessions folded with a draft", () => {
  const catalog = catalogOfDocuments([SHOP_DOCUMENT]);

  it("folds the sessions the draft would claim: the step reached and the outcome in its words, beside how they are now", () => {
    const rows = previewFold(
      catalog,
      "shop",
      [
        session("s-ordered", ["shop.product.viewed", "shop.cart.added", "shop.order.completed"]),
        session("s-carted", ["shop.product.viewed", "shop.cart.added"]),
        session("s-open", ["shop.product.viewed"], { open: true, outcome: "live" }),
        session("s-booking", ["search.destinations.searched"], { journey: "holiday-booking" }),
      ],
      10,
    );
    expect(
      rows.map((r) => [r.id, r.current.journey, r.draft.journey, r.draft.stepsReached, r.draft.stepReached, r.draft.outcome, r.draft.outcomeLabel]),
    ).toEqual([
      ["s-ordered", "generic", "shop", 3, "Ordered", "completed", "Ordered"],
      ["s-carted", "generic", "shop", 2, "Added to cart", "abandoned", expect.any(String)],
      ["s-open", "generic", "shop", 1, "Viewed a product", "live", expect.any(String)],
    ]);
  });

  it("keeps a session of the draft's name that the draft no longer claims, showing where it would go", () => {
    const [row] = previewFold(catalog, "shop", [session("s-was-shop", ["other.thing.happened"], { journey: "shop" })], 10);
    expect(row).toMatchObject({ current: { journey: "shop" }, draft: { journey: "generic", stepsReached: 0, stepReached: null } });
  });

  it("stops at the limit", () => {
    const many = Array.from({ length: 5 }, (_, i) => session(`s-${i}`, ["shop.product.viewed"]));
    expect(previewFold(catalog, "shop", many, 2).map((r) => r.id)).toEqual(["s-0", "s-1"]);
  });
});
