import type { ReferenceSession } from "./reference-sessions";

/**
 * The analytics figures of the public API (funnel, popularity, overview), computed with plain loops
 * over reference sessions (lib/testing/reference-sessions.ts): what the real-data tests compare the
 * API's answers with. A session belongs to the UTC day it started; `from` and `to` are inclusive.
 */
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function inRange(sessions: readonly ReferenceSession[], journey: string, from: string, to: string): ReferenceSession[] {
  return sessions.filter((s) => s.journey === journey && dayOf(s.start) >= from && dayOf(s.start) <= to);
}

/** The lower median (of an even count, the lower of the two middle values: a whole number of seconds), or null for none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
}

export function referenceOverview(sessions: readonly ReferenceSession[], journey: string, from: string, to: string) {
  const picked = inRange(sessions, journey, from, to);
  const count = (list: ReferenceSession[], outcome: string) => list.filter((s) => s.outcome === outcome).length;
  const days: { day: string; sessions: number; users: number; completed: number; abandoned: number }[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); dayOf(t) <= to; t += 86_400_000) {
    const day = picked.filter((s) => dayOf(s.start) === dayOf(t));
    days.push({
      day: dayOf(t),
      sessions: day.length,
      users: new Set(day.map((s) => s.userId)).size,
      completed: count(day, "completed"),
      abandoned: count(day, "abandoned"),
    });
  }
  return {
    journey,
    from,
    to,
    totals: {
      sessions: picked.length,
      users: new Set(picked.map((s) => s.userId)).size,
      completed: count(picked, "completed"),
      abandoned: count(picked, "abandoned"),
      browsed: count(picked, "browsed"),
      live: count(picked, "live"),
    },
    days,
  };
}

/**
 * Per step: the sessions that reached it; those that stopped there (reached it, not the next, and
 * are neither completed nor live) with their drop reasons; the median whole seconds from the step before.
 */
export function referenceFunnel(sessions: readonly ReferenceSession[], journey: string, steps: readonly { key: string }[], from: string, to: string) {
  const picked = inRange(sessions, journey, from, to);
  return {
    journey,
    from,
    to,
    sessions: picked.length,
    steps: steps.map((step, k) => {
      const stopped = picked.filter((s) => s.reachedAt.length === k + 1 && s.outcome !== "completed" && s.outcome !== "live");
      const reasons = new Map<string, number>();
      for (const s of stopped) reasons.set(s.dropReason!, (reasons.get(s.dropReason!) ?? 0) + 1);
      const gaps = picked.filter((s) => k > 0 && s.reachedAt.length > k).map((s) => Math.floor((s.reachedAt[k]! - s.reachedAt[k - 1]!) / 1000));
      return {
        key: step.key,
        sessions: picked.filter((s) => s.reachedAt.length > k).length,
        droppedOff: stopped.length,
        medianSecondsFromPrevious: medianOf(gaps),
        dropReasons: [...reasons].map(([key, n]) => ({ key, sessions: n })).sort((a, b) => b.sessions - a.sessions || a.key.localeCompare(b.key)),
      };
    }),
  };
}

/** Sessions and completed ones per value of a dimension, most sessions first, then by value. */
export function referencePopularity(sessions: readonly ReferenceSession[], journey: string, dimension: string, from: string, to: string, limit = 50) {
  const rows = new Map<string, { value: string; sessions: number; completed: number }>();
  for (const s of inRange(sessions, journey, from, to)) {
    for (const value of s.dimensions[dimension] ?? []) {
      const row = rows.get(value) ?? { value, sessions: 0, completed: 0 };
      row.sessions += 1;
      if (s.outcome === "completed") row.completed += 1;
      rows.set(value, row);
    }
  }
  const sorted = [...rows.values()].sort((a, b) => b.sessions - a.sessions || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  return { journey, dimension, rows: sorted.slice(0, limit) };
}
