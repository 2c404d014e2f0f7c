import { describe, expect, it } from "vitest";
import { builtInCatalog } from "../journeys/catalog";
import type { JourneyDocument } from "../journeys/definition/definition-schema";
import { catalogOfDocuments } from "../journey-store/journey-catalog";
import { aJourneyEvent, SHOP_DOCUMENT } from "../testing/shop-journey";
import { compareSessions } from "./compare-sessions";
import { foldPerson } from "./fold-person";

const OPTIONS = { timeoutMs: 30 * 60_000, now: Date.UTC(2026, 6, 1) };
const shop = catalogOfDocuments([SHOP_DOCUMENT]);
const user = { userid: "u1" };

describe("one person's events folded with the current catalog and the draft's", () => {
  it("a sign-out the draft no longer knows joins two visits: merged, with the draft's outcome", () => {
    const events = [
      aJourneyEvent("shop.product.viewed", {}, user),
      aJourneyEvent("shop.cart.added", {}, user),
      aJourneyEvent("shop.user.signed_out", {}, user),
      aJourneyEvent("shop.order.completed", {}, user),
    ];
    const draft: JourneyDocument = { ...SHOP_DOCUMENT, boundaries: { signIn: [], signOut: [], expired: [] } };
    const fold = foldPerson("u1", events, { current: shop, draft: catalogOfDocuments([draft]) }, "shop", OPTIONS);
    expect(fold.current.map((s) => s.positions.length)).toEqual([3, 1]);
    expect(fold.draft.map((s) => s.positions.length)).toEqual([4]);
    const [row] = compareSessions(fold);
    expect(row).toMatchObject({ kind: "merged", current: { view: { outcome: "abandoned" } }, draft: { view: { outcome: "completed" } } });
    // The draft's sessions carry what analytics counts of them (its funnel is summed from these).
    expect(fold.draft[0]!.facts?.depth).toBe(3);
  });

  it("the current side is read from the live read models when they hold the session, folded otherwise", () => {
    const events = [aJourneyEvent("shop.product.viewed", {}, user), aJourneyEvent("shop.cart.added", {}, user)];
    const live = { outcome: "abandoned", outcomeLabel: "abandoned (as stored)", lastStep: "Added to cart", stepsReached: 2 };
    const stored = foldPerson("u1", events, { current: shop, draft: shop }, "shop", { ...OPTIONS, currentViewAt: () => live });
    expect(stored.current[0]).toMatchObject({ view: live, facts: null });
    const folded = foldPerson("u1", events, { current: shop, draft: shop }, "shop", { ...OPTIONS, currentViewAt: () => null });
    expect(folded.current[0]!.view).toEqual(folded.draft[0]!.view);
    expect(compareSessions(folded).map((r) => r.kind)).toEqual(["same"]);
  });

  it("folds through only what the draft concerns: another journey's sessions are formed, not folded", () => {
    const events = [aJourneyEvent("offers.offer.viewed", {}, { ...user, source: "/holidays/offers" })];
    const fold = foldPerson("u1", events, { current: builtInCatalog, draft: shop }, "shop", OPTIONS);
    expect(fold.current[0]).toMatchObject({ journey: "holiday-booking", view: null });
    expect(fold.draft[0]).toMatchObject({ journey: "holiday-booking", view: null });
    expect(compareSessions(fold)).toEqual([]);
  });
});
