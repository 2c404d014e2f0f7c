import { describe, expect, it } from "vitest";
import { rollUpDay } from "./rollup";
import { bookingJourney } from "../journeys/booking/booking-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { closedFacts, dimensionIndexOf, eventPathOf, type SessionFacts } from "./session-facts";

const facts = (depth: number, dimensions: SessionFacts["dimensions"], dropReason: string | null, path: string[]): SessionFacts => ({
  day: "2026-06-01",
  dimensions,
  dimensionIndex: dimensionIndexOf(dimensions),
  depth,
  reachedAt: Array.from({ length: 3 }, (_, i) => (i < depth ? i * 1000 : null)),
  dropReason,
  offers: [],
  path,
});

describe("a day's counters for any journey", () => {
  const counters = rollUpDay([
    {
      userId: "u1",
      outcome: "completed",
      facts: facts(
        3,
        {
          product: [
            { value: "p1", label: "Red shoes" },
            { value: "p2", label: null },
          ],
        },
        null,
        ["a", "b", "c", "end:completed"],
      ),
    },
    { userId: "u1", outcome: "abandoned", facts: facts(2, { product: [{ value: "p1", label: "Red shoes" }] }, "declined", ["a", "b", "end:abandoned"]) },
    { userId: "u2", outcome: "browsed", facts: facts(1, { product: [] }, "timed_out", ["a", "end:browsed"]) },
  ]);
  const n = (kind: string, k1: string, k2 = "") => counters.find((c) => c.kind === kind && c.k1 === k1 && c.k2 === k2)?.n ?? 0;

  it("counts sessions, users and the four outcomes", () => {
    expect([n("sessions", ""), n("users", ""), n("outcome", "completed"), n("outcome", "abandoned"), n("outcome", "browsed"), n("outcome", "live")]).toEqual([
      3, 2, 1, 1, 1, 0,
    ]);
  });
  it("counts the funnel in total and per dimension value, unknown for none", () => {
    expect([0, 1, 2].map((s) => n("funnel", String(s)))).toEqual([3, 2, 1]);
    expect([0, 1, 2].map((s) => n("funnel", String(s), "product=p1"))).toEqual([2, 2, 1]);
    expect([0, 1, 2].map((s) => n("funnel", String(s), "product=p2"))).toEqual([1, 1, 1]);
    expect(n("funnel", "0", "product=unknown")).toBe(1);
  });
  it("counts drop reasons by depth, dimension values, completed ones and labels", () => {
    expect([n("drop", "2", "declined"), n("drop", "1", "timed_out"), n("drop", "3", "declined")]).toEqual([1, 1, 0]);
    expect([n("dimension", "product", "p1"), n("dimension", "product", "p2"), n("dimension", "product", "unknown")]).toEqual([2, 1, 0]);
    expect([n("dimension-completed", "product", "p1"), n("dimension-completed", "product", "p2")]).toEqual([1, 1]);
    expect(n("dimension-label", "product", JSON.stringify(["p1", "Red shoes"]))).toBe(2);
    expect(counters.filter((c) => c.kind === "dimension-label")).toHaveLength(1);
    expect(n("path", "a>b>c>end:completed")).toBe(1);
  });

  it("counts the endings a journey names more finely than the outcome, under that outcome", () => {
    const booking = bookingJourney as unknown as JourneyDefinition<unknown>;
    const live = { ...facts(2, {}, null, ["a", "b", "end:live"]), finerOutcome: "a word of the live session" };
    // A booking session that cancelled its booking closes as browsed, and says so in the journey's word.
    const cancelled = closedFacts(live, booking, { ...bookingJourney.initialState(), step: "cancelled" }, "browsed");
    expect(cancelled.finerOutcome).toBe("cancelled a booking");
    // One that just browsed has no finer word (its word is the outcome's own), so nothing is kept from the live one.
    expect(closedFacts(live, booking, bookingJourney.initialState(), "browsed").finerOutcome).toBeUndefined();
    const day = rollUpDay([
      { userId: null, outcome: "browsed", facts: cancelled },
      { userId: null, outcome: "browsed", facts: facts(1, {}, null, ["a", "end:browsed"]) },
    ]);
    expect(day.filter((c) => c.kind === "outcome-label")).toEqual([{ kind: "outcome-label", k1: "browsed", k2: "cancelled a booking", n: 1, total: 0 }]);
    // The path's counter names the finer word too, so the paths page says how that path ended.
    expect(day.filter((c) => c.kind === "path-label")).toEqual([{ kind: "path-label", k1: "a>b>end:browsed", k2: "cancelled a booking", n: 1, total: 0 }]);
  });

  it("counts event paths: types in order, repeats collapsed, the first six, then the ending (closing a live session re-ends it)", () => {
    const types = ["s", "s", "v", "v", "v", "s", "b", "t", "x", "p", "q"].map((type) => ({ type }));
    expect(eventPathOf(types, "browsed")).toEqual(["s", "v", "s", "b", "t", "x", "end:browsed"]);
    expect(eventPathOf([], "live")).toEqual(["end:live"]);
    const live = { ...facts(1, {}, null, ["a", "end:live"]), eventPath: ["s", "v", "end:live"] };
    const closed = closedFacts(live, bookingJourney as unknown as JourneyDefinition<unknown>, bookingJourney.initialState(), "browsed");
    expect(closed.eventPath).toEqual(["s", "v", "end:browsed"]);
    const day = rollUpDay([
      { userId: null, outcome: "browsed", facts: closed },
      { userId: null, outcome: "browsed", facts: closed },
      { userId: null, outcome: "browsed", facts: facts(1, {}, null, ["a", "end:browsed"]) },
    ]);
    expect(day.filter((c) => c.kind === "event-path")).toEqual([{ kind: "event-path", k1: "s>v>end:browsed", k2: "", n: 2, total: 0 }]);
  });
});
