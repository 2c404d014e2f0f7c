import { describe, expect, it } from "vitest";
import { foldProgressText } from "./fold-progress-text";

const minute = 60_000;
const times = Array.from({ length: 12 }, (_, i) => Date.UTC(2026, 5, 1, 10) + Math.round((i * 7 * minute) / 11));

describe("the replay's loading line", () => {
  it("says what the index knows before any state is read, never '0 of'", () => {
    const text = foldProgressText(times, 0, "Priced a booking");
    expect(text).toBe("12 events over 7:00, priced a booking at the end · reading the state at each moment…");
    expect(text).not.toContain("0 of");
  });

  it("then how many states are read, with thousands grouped and one event in the singular", () => {
    expect(foldProgressText(times, 5, "Searched")).toBe("12 events over 7:00, searched at the end · states read for 5 of them");
    const many = Array.from({ length: 1200 }, (_, i) => i * 1000);
    expect(foldProgressText(many, 1100, "Paid")).toBe("1,200 events over 19:59, paid at the end · states read for 1,100 of them");
    expect(foldProgressText([0], 0, "Signed in")).toMatch(/^1 event over 0:00,/);
  });
});
