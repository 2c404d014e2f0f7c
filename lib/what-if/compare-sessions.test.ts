import { describe, expect, it } from "vitest";
import { compareSessions } from "./compare-sessions";
import type { FoldedSession } from "./fold-person";

/** A session holding these positions, folded to this outcome (view null: one the draft does not concern). */
function session(positions: number[], outcome: string | null, journey = "shop", stepsReached = 1): FoldedSession {
  return {
    firstPosition: positions[0]!,
    positions,
    journey,
    day: "2026-06-01",
    userId: null,
    view:
      outcome === null
        ? null
        : {
            outcome,
            outcomeLabel: outcome,
            lastStep: "Looked",
            stepsReached,
          },
    facts: null,
  };
}

describe("comparing one person's sessions in the current fold and the draft's", () => {
  it("a session folded the same is the same, and one with another outcome is changed", () => {
    const rows = compareSessions({
      current: [session([1, 2], "completed"), session([5, 6], "browsed")],
      draft: [session([1, 2], "completed"), session([5, 6], "abandoned")],
    });
    expect(rows.map((r) => [r.kind, r.firstPosition, r.current?.view?.outcome, r.draft?.view?.outcome])).toEqual([
      ["same", 1, "completed", "completed"],
      ["changed", 5, "browsed", "abandoned"],
    ]);
  });

  it("a current session cut in two by the draft is split, both parts naming the session they came from", () => {
    const current = session([1, 2, 3, 4], "completed");
    const rows = compareSessions({ current: [current], draft: [session([1, 2], "abandoned"), session([3, 4], "completed")] });
    expect(rows.map((r) => [r.kind, r.firstPosition, r.current?.firstPosition])).toEqual([
      ["split", 1, 1],
      ["split", 3, 1],
    ]);
  });

  it("two current sessions joined by the draft are one merged row, and the second is not reported gone", () => {
    const rows = compareSessions({
      current: [session([1, 2], "browsed"), session([3, 4], "completed")],
      draft: [session([1, 2, 3, 4], "completed")],
    });
    expect(rows.map((r) => [r.kind, r.firstPosition, r.current?.firstPosition])).toEqual([["merged", 1, 1]]);
  });

  it("a session the draft claims from another journey is changed, even with the same outcome", () => {
    const rows = compareSessions({ current: [session([1, 2], "browsed", "generic")], draft: [session([1, 2], "browsed", "shop")] });
    expect(rows.map((r) => r.kind)).toEqual(["changed"]);
  });

  it("steps reached count: the same outcome further down the funnel is changed", () => {
    const rows = compareSessions({ current: [session([1], "abandoned", "shop", 1)], draft: [session([1], "abandoned", "shop", 2)] });
    expect(rows.map((r) => r.kind)).toEqual(["changed"]);
  });

  it("sessions the draft does not concern are not compared", () => {
    expect(compareSessions({ current: [session([1], null, "holiday-booking")], draft: [session([1], null, "holiday-booking")] })).toEqual([]);
  });
});
