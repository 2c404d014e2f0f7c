import { INACTIVITY_MS } from "./player-machine";
import { lastIndexAtOrBefore } from "./sorted-search";

/**
 * The player's track: session time laid out so that long inactivity takes a fixed, small width
 * (drawn compressed and marked) instead of most of the bar. Pure: positions are fractions 0–1.
 */
export interface TimelineTrack {
  /** position of each event on the track, 0–1 */
  positions: number[];
  gaps: { afterIndex: number; from: number; to: number; durationMs: number }[];
  toFraction(time: number): number;
  toTime(fraction: number): number;
}

export function buildTrack(times: readonly number[], thresholdMs = INACTIVITY_MS): TimelineTrack {
  const n = times.length;
  const offsets = new Float64Array(Math.max(n, 1));
  const gapIndex: number[] = [];
  for (let i = 1; i < n; i++) {
    const gap = times[i]! - times[i - 1]!;
    offsets[i] = offsets[i - 1]! + Math.min(gap, thresholdMs);
    if (gap > thresholdMs) gapIndex.push(i - 1);
  }
  const total = n > 1 ? offsets[n - 1]! : 0;
  const fraction = (offset: number) => (total > 0 ? offset / total : 0);
  const scaleOf = (i: number) => {
    const gap = times[i + 1]! - times[i]!;
    return gap > thresholdMs ? thresholdMs / gap : 1;
  };
  return {
    positions: Array.from({ length: n }, (_, i) => fraction(offsets[i]!)),
    gaps: gapIndex.map((i) => ({ afterIndex: i, from: fraction(offsets[i]!), to: fraction(offsets[i + 1]!), durationMs: times[i + 1]! - times[i]! })),
    toFraction(time) {
      if (n === 0 || time <= times[0]!) return 0;
      if (time >= times[n - 1]!) return 1;
      const i = Math.max(0, lastIndexAtOrBefore(times, time));
      return fraction(offsets[i]! + (time - times[i]!) * scaleOf(i));
    },
    toTime(f) {
      if (n === 0) return 0;
      const target = Math.min(Math.max(f, 0), 1) * total;
      const i = Math.max(0, lastIndexAtOrBefore(offsets, target));
      if (i >= n - 1) return times[n - 1]!;
      return times[i]! + (target - offsets[i]!) / scaleOf(i);
    },
  };
}

/**
 * Event markers bucketed into pixel columns (a 100,000-event session still draws `width` marks):
 * each column gets the service with most events in it.
 */
export function markerColumns(positions: readonly number[], services: readonly string[], width: number): (string | null)[] {
  const counts: Map<string, number>[] = Array.from({ length: width }, () => new Map());
  positions.forEach((p, i) => {
    const column = Math.min(width - 1, Math.floor(p * width));
    const service = services[i] ?? "other";
    counts[column]!.set(service, (counts[column]!.get(service) ?? 0) + 1);
  });
  return counts.map((c) => {
    let best: string | null = null;
    let most = 0;
    for (const [service, count] of c) if (count > most) [best, most] = [service, count];
    return best;
  });
}
