import { describe, expect, it } from "vitest";
import { daysOfTrend } from "./trend-days";

describe("the days of a segment's trend", () => {
  it("are the segment's own range, each day once, in order", () => {
    expect(daysOfTrend("2026-06-29", "2026-07-02", "2026-12-01")).toEqual(["2026-06-29", "2026-06-30", "2026-07-01", "2026-07-02"]);
  });
  it("are the last 14 days up to today when the segment names none", () => {
    const days = daysOfTrend(undefined, undefined, "2026-12-01");
    expect(days).toHaveLength(14);
    expect([days[0], days.at(-1)]).toEqual(["2026-11-18", "2026-12-01"]);
  });
  it("run from `from` up to today, or the 14 days up to `to`", () => {
    expect(daysOfTrend("2026-11-29", undefined, "2026-12-01")).toEqual(["2026-11-29", "2026-11-30", "2026-12-01"]);
    expect(daysOfTrend(undefined, "2026-03-14", "2026-12-01")[0]).toBe("2026-03-01");
  });
  it("keep the last 31 days of a longer range", () => {
    const days = daysOfTrend("2026-01-01", "2026-12-31", "2026-12-01");
    expect(days).toHaveLength(31);
    expect([days[0], days.at(-1)]).toEqual(["2026-12-01", "2026-12-31"]);
  });
  it("is one day for a range of one day; nothing for a reversed range", () => {
    expect(daysOfTrend("2026-05-05", "2026-05-05", "2026-12-01")).toEqual(["2026-05-05"]);
    expect(daysOfTrend("2026-05-06", "2026-05-05", "2026-12-01")).toEqual([]);
  });
});
