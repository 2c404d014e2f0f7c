import { describe, expect, it } from "vitest";
import { progressWords } from "./progress-line";

describe("progress in words", () => {
  it("says the share folded, rounded down, and the counts with separators", () => {
    expect(progressWords(12_000, 29_000)).toBe("41% (12,000 of 29,000 events)");
    expect(progressWords(28_999, 29_000)).toBe("99% (28,999 of 29,000 events)");
  });

  it("an empty store is done, and a position past a head read earlier stays at 100%", () => {
    expect(progressWords(0, 0)).toBe("100% (0 of 0 events)");
    expect(progressWords(12, 10)).toBe("100% (12 of 10 events)");
  });
});
