import { describe, expect, it } from "vitest";
import { buildTrack, markerColumns } from "./timeline-track";

const T0 = 5_000_000;
const times = [T0, T0 + 5_000, T0 + 10_000, T0 + 3_600_000 + 10_000, T0 + 3_600_000 + 20_000];

describe("the timeline track", () => {
  it("compresses a long gap to the threshold's width and marks it", () => {
    const track = buildTrack(times, 10_000);
    // Effective length: 5 + 5 + 10 (the hour, compressed) + 10 = 30 s.
    expect(track.positions).toEqual([0, 5 / 30, 10 / 30, 20 / 30, 1]);
    expect(track.gaps).toEqual([{ afterIndex: 2, from: 10 / 30, to: 20 / 30, durationMs: 3_600_000 }]);
  });

  it("maps time to position and back, monotonically", () => {
    const track = buildTrack(times, 10_000);
    for (const t of [T0, T0 + 2_500, T0 + 10_000, T0 + 1_800_000, T0 + 3_610_000, T0 + 3_620_000]) {
      expect(track.toTime(track.toFraction(t))).toBeCloseTo(t, 3);
    }
    expect(track.toFraction(T0 + 1_800_000)).toBeCloseTo((10_000 + (1_790_000 * 10_000) / 3_600_000) / 30_000, 9);
    expect(track.toFraction(T0 - 1)).toBe(0);
    expect(track.toTime(2)).toBe(times[4]);
  });

  it("handles one event and none", () => {
    expect(buildTrack([T0]).positions).toEqual([0]);
    expect(buildTrack([]).toTime(0.5)).toBe(0);
  });

  it("buckets markers into columns by the busiest service", () => {
    expect(markerColumns([0, 0.1, 0.12, 0.99], ["search", "booking", "booking", "payment"], 4)).toEqual(["booking", null, null, "payment"]);
  });
});
