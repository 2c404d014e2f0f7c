import { describe, expect, it } from "vitest";
import { funnelQuerySchema, popularityQuerySchema } from "./api-schemas";
import { dimensionOf, funnelAnswer, overviewAnswer, popularityAnswer } from "./answers";
import type { CounterSum } from "./read-analytics";

const c = (kind: string, k1: string, k2: string, n: number): CounterSum => ({ kind, k1, k2, n, total: 0 });
const shop = {
  name: "shop",
  funnel: [
    { key: "viewed", label: "Viewed a product" },
    { key: "carted", label: "Added to cart" },
    { key: "ordered", label: "Ordered" },
  ],
  dropReasons: [{ key: "declined", label: "Payment declined" }],
  dimensions: [{ key: "product", label: "Product" }],
};
const range = { from: "2026-06-01", to: "2026-06-03" };

describe("the analytics API's answers from counters", () => {
  it("funnel: every session of the range, each step's sessions, drop-offs (not the live ones), labelled reasons and medians", () => {
    // 9 carted, 1 ordered: of the 8 that stopped at "carted", 7 ended (their reasons) and 1 is live.
    const counters = [
      c("sessions", "", "", 14),
      c("funnel", "0", "", 12),
      c("funnel", "1", "", 9),
      c("funnel", "2", "", 1),
      c("funnel", "0", "product=p1", 6),
      c("drop", "2", "declined", 2),
      c("drop", "2", "timed_out", 1),
      c("drop", "1", "timed_out", 3),
      c("drop", "2", "some_new_reason", 4),
      c("drop", "0", "timed_out", 2),
    ];
    const gaps = new Map([
      [
        1,
        [
          { value: 30, n: 3 },
          { value: 10, n: 2 },
        ],
      ],
    ]);
    const answer = funnelAnswer(shop, range, counters, gaps);
    expect(answer).toEqual({
      journey: "shop",
      from: "2026-06-01",
      to: "2026-06-03",
      sessions: 14,
      steps: [
        {
          key: "viewed",
          label: "Viewed a product",
          sessions: 12,
          droppedOff: 3,
          medianSecondsFromPrevious: null,
          dropReasons: [{ key: "timed_out", label: "Inactive", sessions: 3 }],
        },
        {
          key: "carted",
          label: "Added to cart",
          sessions: 9,
          droppedOff: 7,
          medianSecondsFromPrevious: 30,
          dropReasons: [
            // a key the definition no longer names is still counted, under its key
            { key: "some_new_reason", label: "some_new_reason", sessions: 4 },
            { key: "declined", label: "Payment declined", sessions: 2 },
            { key: "timed_out", label: "Inactive", sessions: 1 },
          ],
        },
        { key: "ordered", label: "Ordered", sessions: 1, droppedOff: 0, medianSecondsFromPrevious: null, dropReasons: [] },
      ],
    });
  });

  it("popularity: most sessions first, then value ascending; the label most sessions gave; the limit", () => {
    const counters = [
      c("dimension", "product", "b", 3),
      c("dimension", "product", "a", 3),
      c("dimension", "product", "c", 5),
      c("dimension", "product", "Z", 1),
      c("dimension", "colour", "red", 9),
      c("dimension-completed", "product", "c", 2),
      c("dimension-label", "product", JSON.stringify(["c", "Old name"]), 1),
      c("dimension-label", "product", JSON.stringify(["c", "Chair"]), 4),
      c("dimension-label", "product", JSON.stringify(["a", "Armchair"]), 3),
    ];
    expect(popularityAnswer("shop", "product", counters, 50)).toEqual({
      journey: "shop",
      dimension: "product",
      rows: [
        { value: "c", label: "Chair", sessions: 5, completed: 2 },
        { value: "a", label: "Armchair", sessions: 3, completed: 0 },
        { value: "b", label: "b", sessions: 3, completed: 0 },
        { value: "Z", label: "Z", sessions: 1, completed: 0 },
      ],
    });
    expect(popularityAnswer("shop", "product", counters, 2).rows.map((r) => r.value)).toEqual(["c", "a"]);
    expect(dimensionOf(shop, "product")).toEqual({ key: "product", label: "Product" });
    expect(dimensionOf(shop, "colour")).toBeNull();
  });

  it("overview: totals by outcome and every day of the range, empty days as zeros", () => {
    const counters = [
      c("sessions", "", "", 7),
      c("outcome", "completed", "", 2),
      c("outcome", "abandoned", "", 1),
      c("outcome", "browsed", "", 3),
      c("outcome", "live", "", 1),
    ];
    const daily = [
      { day: "2026-06-01", kind: "sessions", k1: "", n: 4 },
      { day: "2026-06-01", kind: "users", k1: "", n: 3 },
      { day: "2026-06-01", kind: "outcome", k1: "completed", n: 2 },
      { day: "2026-06-03", kind: "sessions", k1: "", n: 3 },
      { day: "2026-06-03", kind: "users", k1: "", n: 1 },
      { day: "2026-06-03", kind: "outcome", k1: "abandoned", n: 1 },
    ];
    expect(overviewAnswer("shop", range, counters, daily, 4)).toEqual({
      journey: "shop",
      from: "2026-06-01",
      to: "2026-06-03",
      totals: { sessions: 7, users: 4, completed: 2, abandoned: 1, browsed: 3, live: 1 },
      days: [
        { day: "2026-06-01", sessions: 4, users: 3, completed: 2, abandoned: 0 },
        { day: "2026-06-02", sessions: 0, users: 0, completed: 0, abandoned: 0 },
        { day: "2026-06-03", sessions: 3, users: 1, completed: 0, abandoned: 1 },
      ],
    });
  });
});

describe("the analytics API's queries", () => {
  const issue = (schema: typeof funnelQuerySchema | typeof popularityQuerySchema, query: Record<string, string>) => {
    const r = schema.safeParse(query);
    return r.success ? null : { parameter: r.error.issues[0]!.path[0], message: r.error.issues[0]!.message };
  };

  it("require journey, from and to, naming the one missing", () => {
    expect(issue(funnelQuerySchema, { from: "2026-06-01", to: "2026-06-02" })).toMatchObject({ parameter: "journey" });
    expect(issue(funnelQuerySchema, { journey: "shop", to: "2026-06-02" })).toEqual({ parameter: "from", message: "from is required: a UTC day, YYYY-MM-DD" });
    expect(issue(funnelQuerySchema, { journey: "shop", from: "2026-06-02" })).toEqual({ parameter: "to", message: "to is required: a UTC day, YYYY-MM-DD" });
  });

  it("refuse what is not a day, a backwards range and more than a year", () => {
    expect(issue(funnelQuerySchema, { journey: "shop", from: "2026-6-1", to: "2026-06-02" })).toMatchObject({ parameter: "from" });
    expect(issue(funnelQuerySchema, { journey: "shop", from: "2026-02-30", to: "2026-03-02" })).toEqual({
      parameter: "from",
      message: "from is not a calendar day",
    });
    expect(issue(funnelQuerySchema, { journey: "shop", from: "2026-06-03", to: "2026-06-02" })).toEqual({
      parameter: "from",
      message: "from must not be after to",
    });
    expect(issue(funnelQuerySchema, { journey: "shop", from: "2025-01-01", to: "2026-06-02" })).toMatchObject({ parameter: "to" });
    expect(issue(funnelQuerySchema, { journey: "shop", from: "2026-06-02", to: "2026-06-02" })).toBeNull();
  });

  it("popularity: dimension required, limit 50 by default, 1 to 1000", () => {
    const q = { journey: "shop", from: "2026-06-01", to: "2026-06-02" };
    expect(issue(popularityQuerySchema, q)).toMatchObject({ parameter: "dimension" });
    expect(popularityQuerySchema.parse({ ...q, dimension: "product" }).limit).toBe(50);
    expect(popularityQuerySchema.parse({ ...q, dimension: "product", limit: "1000" }).limit).toBe(1000);
    expect(issue(popularityQuerySchema, { ...q, dimension: "product", limit: "1001" })).toEqual({ parameter: "limit", message: "limit must be at most 1000" });
    expect(issue(popularityQuerySchema, { ...q, dimension: "product", limit: "0" })).toMatchObject({ parameter: "limit" });
    expect(issue(popularityQuerySchema, { ...q, dimension: "product", limit: "ten" })).toMatchObject({ parameter: "limit" });
  });
});
