import { describe, expect, it } from "vitest";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { dropReasonsOf } from "../journeys/drop-reasons";
import { commonPaths, endedWords, pathGoesThrough, pathKey, pathsSankey } from "./paths-report";
import { funnelRows, overviewSeries, popularity, previousPeriod, viewedNotBooked } from "./reports";
import { gapHistograms, rollUpDay } from "./rollup";
import { dimensionIndexOf, type SessionFacts } from "./session-facts";

const T0 = Date.parse("2026-06-01T10:00:00Z");
const BOOKING_DIMS = { platform: "web", device: "desktop", country: "GB", destination: "LIS" };
function facts(depth: number, gaps: number[], extra: Partial<SessionFacts> = {}, dims: Partial<typeof BOOKING_DIMS> = {}): SessionFacts {
  const dimensions = Object.fromEntries(Object.entries({ ...BOOKING_DIMS, ...dims }).map(([k, value]) => [k, [{ value, label: null }]]));
  const reachedAt: (number | null)[] = Array(7).fill(null);
  let t = T0;
  for (let i = 0; i < depth; i++) {
    if (i > 0) t += gaps[i - 1]! * 1000;
    reachedAt[i] = t;
  }
  const keys = bookingJourney.funnel.map((s) => s.key).slice(0, depth);
  return {
    day: "2026-06-01",
    dimensions,
    dimensionIndex: dimensionIndexOf(dimensions),
    depth,
    reachedAt,
    dropReason: depth < 7 ? "timed_out" : null,
    offers: [],
    path: [...keys, depth === 7 ? "end:completed" : "end:browsed"],
    ...extra,
  };
}

describe("reports from daily counters", () => {
  const day = [
    { userId: "u1", outcome: "completed", facts: facts(7, [10, 20, 30, 40, 50, 60]) },
    { userId: "u1", outcome: "browsed", facts: facts(2, [4]) },
    { userId: "u2", outcome: "abandoned", facts: facts(5, [6, 7, 8, 9], { dropReason: "price_rose" }, { platform: "ios" }) },
    { userId: null, outcome: "live", facts: facts(1, [], { dropReason: null }) },
  ];
  const counters = rollUpDay(day);
  const gaps = new Map(gapHistograms(day).map((g) => [g.step, Object.entries(g.histogram).map(([value, n]) => ({ value: Number(value), n }))]));

  it("counts each funnel step in order, the drop-offs, their reasons and the lower median time", () => {
    const rows = funnelRows(counters, bookingJourney.funnel, "", gaps, dropReasonsOf(bookingJourney));
    expect(rows.map((r) => r.count)).toEqual([4, 3, 2, 2, 2, 1, 1]);
    // The live session stopped at the first step has not dropped off (it may go on): 4 − 3 would say 1.
    expect(rows.map((r) => r.dropOff)).toEqual([0, 1, 0, 0, 1, 0, 0]);
    expect(rows.map((r) => r.dropOff)).toEqual(rows.map((r) => r.reasons.reduce((s, x) => s + x.count, 0)));
    // step 1 gaps: 10, 4, 6 → sorted 4, 6, 10 → 6; step 2 gaps: 20, 7 → lower median 7.
    expect(rows[1]!.medianSeconds).toBe(6);
    expect(rows[2]!.medianSeconds).toBe(7);
    expect(rows[0]!.medianSeconds).toBeNull();
    expect(rows[4]!.reasons).toEqual([{ reason: "price_rose", label: "Price rose", count: 1 }]);
    expect(rows[0]!.reasons).toEqual([]); // the live session has no reason yet
    expect(rows[6]!.fromStart).toBe(0.25);
    expect(funnelRows(counters, bookingJourney.funnel, "platform=ios").map((r) => r.count)).toEqual([1, 1, 1, 1, 1, 0, 0]);
  });

  it("gives a chart every day of the range, zeros included, and distinct users per day", () => {
    const daily = counters.map((c) => ({ day: "2026-06-01", kind: c.kind, k1: c.k1, n: c.n }));
    const series = overviewSeries(daily, "2026-05-31", "2026-06-02");
    expect(series.map((d) => [d.day, d.sessions, d.users, d.completed])).toEqual([
      ["2026-05-31", 0, 0, 0],
      ["2026-06-01", 4, 2, 1],
      ["2026-06-02", 0, 0, 0],
    ]);
    // Today and after are marked, so the chart and the table say their figures are so far.
    expect(overviewSeries(daily, "2026-05-31", "2026-06-02", "2026-06-02").map((d) => d.unfinished)).toEqual([false, false, true]);
    expect(series.every((d) => !d.unfinished)).toBe(true);
  });

  it("finds the common paths, of one outcome too, and draws them as an acyclic Sankey", () => {
    const paths = commonPaths(counters, null);
    expect(paths[0]).toMatchObject({ count: 1 });
    expect(commonPaths(counters, "completed")).toHaveLength(1);
    const sankey = pathsSankey(paths, Object.fromEntries(bookingJourney.funnel.map((s) => [s.key, s.label])));
    expect(sankey.nodes[0]!.name).toBe("Session start");
    const fromStart = sankey.links.filter((l) => l.source === 0).reduce((s, l) => s + l.value, 0);
    expect(fromStart).toBe(4);
    // No cycles: following links from the start always ends.
    const next = (n: number) => sankey.links.filter((l) => l.source === n).map((l) => l.target);
    const walk = (n: number, seen: Set<number>): boolean => !seen.has(n) && next(n).every((m) => walk(m, new Set([...seen, n])));
    expect(walk(0, new Set())).toBe(true);
    expect(sankey.links.some((l) => sankey.nodes[l.source]!.name.startsWith("Ended"))).toBe(false);
    // Every node and link names the paths through it, and pathGoesThrough agrees with it.
    for (const n of sankey.nodes)
      expect(n.paths.sort()).toEqual(
        paths
          .filter((p) => pathGoesThrough(p, n.key))
          .map(pathKey)
          .sort(),
      );
    for (const l of sankey.links) {
      expect(l.paths.sort()).toEqual(
        paths
          .filter((p) => pathGoesThrough(p, l.key))
          .map(pathKey)
          .sort(),
      );
      expect(l.value).toBe(paths.filter((p) => l.paths.includes(pathKey(p))).reduce((s, p) => s + p.count, 0));
    }
    expect(sankey.nodes[0]!.paths).toHaveLength(paths.length);
  });

  it("ranks offers and destinations and finds the ones viewed a lot but rarely booked", () => {
    const offer = (id: string, views: number, booked: boolean) => ({
      offerId: id,
      destination: id.slice(0, 3),
      hotel: `H ${id}`,
      package: "room-only",
      views,
      started: booked,
      booked,
      revenue: booked ? 1000 : 0,
    });
    const c = rollUpDay([
      { userId: "a", outcome: "completed", facts: facts(7, [1, 1, 1, 1, 1, 1], { offers: [offer("LIS-1", 5, true), offer("ROM-1", 9, false)] }) },
      { userId: "b", outcome: "browsed", facts: facts(2, [1], { offers: [offer("ROM-1", 4, false), offer("PAR-1", 1, false)] }) },
    ]);
    const { offers, destinations } = popularity(c);
    // Views count sessions that viewed (a session viewing ROM-1 nine times is one).
    expect(offers.map((o) => [o.offerId, o.views, o.bookings, o.revenue])).toEqual([
      ["ROM-1", 2, 0, 0],
      ["LIS-1", 1, 1, 1000],
      ["PAR-1", 1, 0, 0],
    ]);
    expect(destinations.find((d) => d.destination === "LIS")).toMatchObject({ views: 1, bookings: 1, conversion: 1, offers: 1 });
    expect(viewedNotBooked(offers).map((o) => o.offerId)).toEqual(["ROM-1", "PAR-1", "LIS-1"]);
  });

  it("compares with the period of the same length just before", () => {
    expect(previousPeriod("2026-06-08", "2026-06-14")).toEqual({ from: "2026-06-01", to: "2026-06-07" });
  });

  it("says how a path ended in the journey's finer words, from the path-label counters", () => {
    const path = (k1: string, n: number) => ({ kind: "path", k1, k2: "", n, total: 0 });
    const label = (k1: string, k2: string, n: number) => ({ kind: "path-label", k1, k2, n, total: 0 });
    const rows = commonPaths(
      [
        path("search>end:browsed", 5),
        label("search>end:browsed", "cancelled a booking", 2),
        path("search>view_offer>end:browsed", 3),
        label("search>view_offer>end:browsed", "cancelled a booking", 3),
        path("end:browsed", 1),
      ],
      null,
    );
    const ended = Object.fromEntries(rows.map((r) => [pathKey(r), endedWords(r, "browsed")]));
    expect(ended).toEqual({
      "search>end:browsed": "browsed · 2 cancelled a booking",
      "search>view_offer>end:browsed": "cancelled a booking",
      "end:browsed": "browsed",
    });
  });

  it("reads event paths from their own counters, an event type seen twice being two nodes (still acyclic)", () => {
    const c = (kind: string, k1: string, n: number) => ({ kind, k1, k2: "", n, total: 0 });
    const mixed = [c("path", "search>end:browsed", 9), c("event-path", "a.s>b.v>a.s>end:browsed", 3), c("event-path", "a.s>end:abandoned", 1)];
    const paths = commonPaths(mixed, null, 12, "event-path");
    expect(paths.map((p) => [pathKey(p), p.count, p.finer])).toEqual([
      ["a.s>b.v>a.s>end:browsed", 3, []],
      ["a.s>end:abandoned", 1, []],
    ]);
    const sankey = pathsSankey(paths, {});
    expect(sankey.nodes.map((n) => n.key)).toEqual(["start", "0:a.s", "1:b.v", "2:a.s", "end:browsed", "end:abandoned"]);
    expect(pathGoesThrough(paths[0]!, "1:b.v~2:a.s")).toBe(true);
  });
});
