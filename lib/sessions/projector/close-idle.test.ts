import { describe, expect, it } from "vitest";
import type { SessionFacts } from "../../analytics/session-facts";
import { catalogOf } from "../../journeys/catalog";
import { dataJourney } from "../../journeys/definition/data-journey";
import { SHOP_DOCUMENT } from "../../testing/shop-journey";
import { closeIdle, type IdleSession } from "./close-idle";

const facts = (path: string[]): SessionFacts => ({
  day: "2026-06-01",
  dimensions: {},
  dimensionIndex: [],
  depth: 1,
  reachedAt: [1],
  dropReason: null,
  offers: [],
  path,
});

const idle = (fields: Partial<IdleSession>): IdleSession => ({
  id: "s1",
  journey: "generic",
  finalState: {},
  userId: "u1",
  facts: facts(["search", "end:live"]),
  day: "2026-06-01",
  ...fields,
});

describe("closing idle sessions", () => {
  it("the journey decides the outcome once the session is no longer open, and the facts end with it", () => {
    const { closed, before, after } = closeIdle([idle({})]);
    expect(closed).toEqual([
      { id: "s1", outcome: "browsed", outcomeLabel: "browsed", facts: { ...facts(["search", "end:browsed"]), dropReason: "timed_out" } },
    ]);
    // The counters move from the session as live to the session as closed.
    expect(before).toEqual([{ day: "2026-06-01", journey: "generic", userId: "u1", outcome: "live", facts: facts(["search", "end:live"]) }]);
    expect(after.map((s) => [s.outcome, s.facts.path])).toEqual([["browsed", ["search", "end:browsed"]]]);
  });

  it("a session without analytics facts (projected before they existed) closes without moving counters", () => {
    const { closed, before, after } = closeIdle([idle({ facts: null, day: null })]);
    expect(closed).toEqual([{ id: "s1", outcome: "browsed", outcomeLabel: "browsed", facts: null }]);
    expect([before, after]).toEqual([[], []]);
  });

  it("a data journey's session closes with its catalog's words: the drop reason kept in its state, its outcome label", () => {
    const catalog = catalogOf([dataJourney(SHOP_DOCUMENT)]);
    const carted = { reached: 2, facts: {}, drop: "declined" };
    const ordered = { reached: 3, facts: {}, drop: "declined" };
    const { closed } = closeIdle(
      [idle({ id: "a", journey: "shop", finalState: carted }), idle({ id: "b", journey: "shop", finalState: ordered }), idle({ id: "c", journey: "gone" })],
      catalog,
    );
    expect(closed.map((c) => [c.id, c.outcome, c.outcomeLabel, c.facts?.dropReason])).toEqual([
      ["a", "abandoned", "abandoned", "declined"],
      ["b", "completed", "Ordered", null],
      ["c", "browsed", "browsed", "timed_out"],
    ]);
  });
});
