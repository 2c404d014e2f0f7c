import type { Store } from "../db/prisma";
import { decodeJson, sql } from "../db/sql";

export interface CounterSum {
  kind: string;
  k1: string;
  k2: string;
  n: number;
  total: number;
}

/**
 * Counters summed over days [from, to] (inclusive, YYYY-MM-DD) for one journey: one indexed range
 * read of the daily table, whose size depends on days and catalogue, not on users or events.
 */
export async function readCounters(store: Store, journey: string, from: string, to: string, kinds: readonly string[]): Promise<CounterSum[]> {
  const rows = await store.db.analyticsDaily.groupBy({
    by: ["kind", "k1", "k2"],
    where: { journey, kind: { in: [...kinds] }, day: { gte: from, lte: to } },
    _sum: { n: true, total: true },
    // In a stated order, not the plan's: a replica (or another plan) must give the same answer.
    orderBy: [{ kind: "asc" }, { k1: "asc" }, { k2: "asc" }],
  });
  return rows.map((r) => ({ kind: r.kind, k1: r.k1, k2: r.k2, n: r._sum.n ?? 0, total: r._sum.total ?? 0 }));
}

/** Counters of some kinds day by day (for the series on the overview). */
export async function readDailyCounters(store: Store, journey: string, from: string, to: string, kinds: readonly string[]) {
  return store.db.analyticsDaily.findMany({
    where: { journey, kind: { in: [...kinds] }, day: { gte: from, lte: to } },
    select: { day: true, kind: true, k1: true, n: true },
    orderBy: [{ day: "asc" }, { kind: "asc" }, { k1: "asc" }],
  });
}

/**
 * Distinct users over a range: not a sum of days (a user on two days is one user), so it counts
 * the sessions' user ids over the range by the analytics_day index. The one figure that grows with
 * the number of sessions; the overview shows it, the funnel and popularity pages do not need it.
 */
export async function countDistinctUsers(store: Store, journey: string, from: string, to: string): Promise<number> {
  const [row] = await store.db.$queryRaw<{ n: bigint | number }[]>(
    sql`SELECT COUNT(DISTINCT "user_id") AS n FROM "sessions" WHERE "journey" = ${journey} AND "analytics_day" BETWEEN ${from} AND ${to}`,
  );
  return Number(row?.n ?? 0);
}

/** Times between funnel steps over a range: the days' histograms merged, per step. */
export async function readGapHistograms(store: Store, journey: string, from: string, to: string): Promise<Map<number, { value: number; n: number }[]>> {
  const rows = await store.db.analyticsDailyGap.findMany({ where: { journey, day: { gte: from, lte: to } }, select: { step: true, histogram: true } });
  const merged = new Map<number, Map<number, number>>();
  for (const r of rows) {
    const histogram = decodeJson<Record<string, number>>(r.histogram);
    const m = merged.get(r.step) ?? new Map<number, number>();
    for (const [seconds, n] of Object.entries(histogram)) m.set(Number(seconds), (m.get(Number(seconds)) ?? 0) + n);
    merged.set(r.step, m);
  }
  return new Map([...merged].map(([step, m]) => [step, [...m].map(([value, n]) => ({ value, n }))]));
}

/** Sessions started in a range per journey: which journeys have figures there, most first. */
export async function readSessionsByJourney(store: Store, from: string, to: string): Promise<{ journey: string; sessions: number }[]> {
  const rows = await store.db.analyticsDaily.groupBy({ by: ["journey"], where: { kind: "sessions", day: { gte: from, lte: to } }, _sum: { n: true } });
  return rows.map((r) => ({ journey: r.journey, sessions: r._sum.n ?? 0 })).sort((a, b) => b.sessions - a.sessions || (a.journey < b.journey ? -1 : 1));
}

/** The first and last day with sessions of a journey (null when it has none): what a page can compare against and point to. */
export async function readDataSpan(store: Store, journey: string): Promise<{ first: string; last: string } | null> {
  const row = await store.db.analyticsDaily.aggregate({ where: { journey, kind: "sessions", n: { gt: 0 } }, _min: { day: true }, _max: { day: true } });
  return row._min.day && row._max.day ? { first: row._min.day, last: row._max.day } : null;
}
