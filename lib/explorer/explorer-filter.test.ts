import { describe, expect, it } from "vitest";
import { readExplorerFilter, toFeedFilter } from "./explorer-filter";

describe("readExplorerFilter", () => {
  it("reads every filter from the URL and drops empty ones", () => {
    const { filter, problems } = readExplorerFilter({
      type: "booking.started",
      user: "u-1",
      stream: "",
      from: "2026-06-01",
      to: "2026-06-02T10:30",
    });
    expect(problems).toEqual([]);
    expect(filter.type).toBe("booking.started");
    expect(filter.stream).toBeUndefined();
    expect(filter.from?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(filter.to?.toISOString()).toBe("2026-06-02T10:30:00.000Z");
    expect(toFeedFilter(filter)).toMatchObject({ type: "booking.started", userid: "u-1" });
  });

  it("names a malformed date and keeps the other filters", () => {
    const { filter, problems } = readExplorerFilter({ type: "x", from: "not-a-date" });
    expect(problems).toEqual(['from: "not-a-date" is not a date']);
    expect(filter.type).toBe("x");
    expect(filter.from).toBeUndefined();
  });

  it("ignores repeated parameters rather than guessing", () => {
    expect(readExplorerFilter({ type: ["a", "b"] }).filter.type).toBeUndefined();
  });
});
