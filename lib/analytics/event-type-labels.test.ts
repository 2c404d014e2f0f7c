import { describe, expect, it } from "vitest";
import { eventTypeLabels, type PathRow } from "./paths-report";

const row = (steps: string[]): PathRow => ({ steps, outcome: "browsed", count: 1, share: 1, finer: [] });

describe("eventTypeLabels", () => {
  it("names each type in words without its service prefix", () => {
    expect(eventTypeLabels([row(["search.destinations.searched", "identity.user.signed_in"]), row(["page.viewed"])])).toEqual({
      "search.destinations.searched": "destinations searched",
      "identity.user.signed_in": "user signed in",
      "page.viewed": "page viewed",
    });
  });

  it("keeps the names of two types that would read alike", () => {
    expect(eventTypeLabels([row(["shop.order.placed", "legacy.order.placed", "offers.offer.viewed"])])).toEqual({
      "shop.order.placed": "shop.order.placed",
      "legacy.order.placed": "legacy.order.placed",
      "offers.offer.viewed": "offer viewed",
    });
  });
});
