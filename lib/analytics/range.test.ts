import { describe, expect, it } from "vitest";
import { MAX_RANGE_DAYS, readRange } from "./range";

const NOW = Date.parse("2026-11-28T12:00:00Z");

describe("analytics date ranges", () => {
  it("default to the 30 days up to today", () => {
    expect(readRange({}, NOW)).toEqual({ from: "2026-10-30", to: "2026-11-28" });
  });

  it("take a range given backwards as the same days, and ignore what is not a date", () => {
    expect(readRange({ from: "2026-11-10", to: "2026-11-01" }, NOW)).toEqual({ from: "2026-11-01", to: "2026-11-10" });
    expect(readRange({ from: "13/11/2026", to: "2026-11-20" }, NOW)).toEqual({ from: "2026-10-22", to: "2026-11-20" });
  });

  it("cap a range at a year", () => {
    const { from, to } = readRange({ from: "2020-01-01", to: "2026-11-28" }, NOW);
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1).toBe(MAX_RANGE_DAYS);
  });
});
