import { describe, expect, it } from "vitest";
import { lastDays, MAX_RANGE_DAYS, readRange, readRangeWithNotice, unfinishedDays } from "./range";

const NOW = Date.parse("2026-11-28T12:00:00Z");

describe("analytics date ranges", () => {
  it("default to the 30 whole days up to yesterday (today is not over)", () => {
    expect(readRange({}, NOW)).toEqual({ from: "2026-10-29", to: "2026-11-27" });
    expect(unfinishedDays(readRange({}, NOW), NOW)).toBeNull();
  });

  it("take a range given backwards as the same days, and ignore what is not a date", () => {
    expect(readRangeWithNotice({ from: "2026-11-10", to: "2026-11-01" }, NOW)).toEqual({
      range: { from: "2026-11-01", to: "2026-11-10" },
      notice: "From 2026-11-10 is after To 2026-11-01: showing 2026-11-01 to 2026-11-10 instead.",
    });
    expect(readRangeWithNotice({ from: "13/11/2026", to: "2026-11-20" }, NOW)).toEqual({
      range: { from: "2026-10-22", to: "2026-11-20" },
      notice: 'From "13/11/2026" is not a day (YYYY-MM-DD): showing 2026-10-22 to 2026-11-20 instead.',
    });
    // readRange is the same days, without the words (what-if jobs and exports store and use the days only).
    expect(readRange({ from: "2026-11-10", to: "2026-11-01" }, NOW)).toEqual({ from: "2026-11-01", to: "2026-11-10" });
  });

  it("name each unusable part of the query, and say nothing when all of it was usable", () => {
    const notice = (params: Record<string, string>) => readRangeWithNotice(params, NOW).notice;
    expect(notice({ from: "abc", to: "2026-99-99" })).toBe(
      'From "abc" is not a day (YYYY-MM-DD); To "2026-99-99" is not a day (YYYY-MM-DD): showing 2026-10-29 to 2026-11-27 instead.',
    );
    expect(notice({ from: "2026-02-30" })).toMatch(/^From "2026-02-30" is not a day/);
    expect(notice({ from: "x".repeat(40) })).toContain(`"${"x".repeat(20)}…"`);
    expect(notice({ from: "2026-11-01", to: "2026-11-10" })).toBeNull();
    expect(notice({ from: "", to: "" })).toBeNull();
  });

  it("cap a range at a year", () => {
    const { range, notice } = readRangeWithNotice({ from: "2020-01-01", to: "2026-11-28" }, NOW);
    expect((Date.parse(range.to) - Date.parse(range.from)) / 86_400_000 + 1).toBe(MAX_RANGE_DAYS);
    expect(notice).toBe(`The range spans 2,524 days, more than ${MAX_RANGE_DAYS}: showing ${range.from} to 2026-11-28 instead.`);
  });

  it("mark today, and any day after it, as not over when the range reaches them", () => {
    expect(unfinishedDays({ from: "2026-11-01", to: "2026-11-28" }, NOW)).toEqual({ from: "2026-11-28", today: "2026-11-28" });
    expect(unfinishedDays({ from: "2026-11-01", to: "2026-12-05" }, NOW)).toEqual({ from: "2026-11-28", today: "2026-11-28" });
    expect(unfinishedDays({ from: "2026-12-01", to: "2026-12-05" }, NOW)).toEqual({ from: "2026-12-01", today: "2026-11-28" });
  });

  it("count the 7/30/90 days back from the range's end, the end included", () => {
    expect(lastDays("2026-02-05", 7)).toEqual({ from: "2026-01-30", to: "2026-02-05" });
    expect(lastDays("2026-03-01", 1)).toEqual({ from: "2026-03-01", to: "2026-03-01" });
  });
});
