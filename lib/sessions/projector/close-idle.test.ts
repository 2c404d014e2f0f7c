import { describe, expect, it } from "vitest";
import type { SessionFacts } from "../../analytics/session-facts";
import { closeIdle, type IdleSession } from "./close-idle";

const facts = (path: string[]): SessionFacts => ({
  day: "2026-06-01",
  platform: null,
  device: null,
  country: null,
  destination: null,
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
    expect(closed).toEqual([{ id: "s1", outcome: "browsed", facts: { ...facts(["search", "end:browsed"]), dropReason: "timed_out" } }]);
    // The counters move from the session as live to the session as closed.
    expect(before).toEqual([{ day: "2026-06-01", journey: "generic", userId: "u1", outcome: "live", facts: facts(["search", "end:live"]) }]);
    expect(after.map((s) => [s.outcome, s.facts.path])).toEqual([["browsed", ["search", "end:browsed"]]]);
  });

  it("a session without analytics facts (projected before they existed) closes without moving counters", () => {
    const { closed, before, after } = closeIdle([idle({ facts: null, day: null })]);
    expect(closed).toEqual([{ id: "s1", outcome: "browsed", facts: null }]);
    expect([before, after]).toEqual([[], []]);
  });
});
