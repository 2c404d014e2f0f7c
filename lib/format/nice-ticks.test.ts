import { describe, expect, it } from "vitest";
import { niceTicks } from "./nice-ticks";

describe("niceTicks", () => {
  it("steps by 1, 2 or 5 times a power of ten, from 0 to at least the largest count", () => {
    expect(niceTicks(1900)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(110)).toEqual([0, 50, 100, 150]);
    expect(niceTicks(5207)).toEqual([0, 2000, 4000, 6000]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it("gives an axis even when there is nothing to count", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
  });

  it("for any count: evenly spaced nice steps, the last tick at or above it, at most one step past it", () => {
    for (let max = 1; max < 100_000; max = Math.ceil(max * 1.37)) {
      const ticks = niceTicks(max);
      const step = ticks[1]! - ticks[0]!;
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 5]).toContain(mantissa);
      expect(ticks.every((t, i) => t === i * step)).toBe(true);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-1)! - max).toBeLessThan(step);
      expect(ticks.length).toBeLessThanOrEqual(9);
    }
  });
});
