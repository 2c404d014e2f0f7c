import { describe, expect, it } from "vitest";
import { comparisonWith } from "./comparison";

const previous = { from: "2026-10-01", to: "2026-10-30" };

describe("comparing a range with the period before it", () => {
  it("compares when the store has data from the first day of the period before, or earlier", () => {
    expect(comparisonWith(previous, "2026-10-01", false)).toEqual({ compare: true });
    expect(comparisonWith(previous, "2025-01-01", false)).toEqual({ compare: true });
  });

  it("shows no change against a period with no data, or with data on only its last days", () => {
    expect(comparisonWith(previous, null, false)).toMatchObject({ compare: false, why: "no data in the period before" });
    expect(comparisonWith(previous, "2026-10-31", false)).toMatchObject({ compare: false, why: "no data in the period before" });
    // The demo's case: data starts three days before the range, so the period before is nearly empty.
    expect(comparisonWith(previous, "2026-10-28", false)).toMatchObject({ compare: false, why: expect.stringContaining("data from 2026-10-28") });
  });

  it("shows no change for a range with today in it: a part of a day against whole ones", () => {
    expect(comparisonWith(previous, "2025-01-01", true)).toMatchObject({ compare: false, why: expect.stringContaining("today") });
  });
});
