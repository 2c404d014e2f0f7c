import { dialectOf, inList } from "../db/dialect";
import { jsonRowsInsert, type Columns } from "../db/json-rows";
import { ident } from "../db/names";
import { decodeJson, sql, type Sql } from "../db/sql";
import type { ReadModelTx } from "../sessions/read-model-tables";
import { gapHistograms, rollUpDay, type DaySession } from "./rollup";
import type { SessionFacts } from "./session-facts";

const GAP_COLUMNS: Columns = [
  ["day", "text"],
  ["journey", "text"],
  ["step", "integer"],
  ["histogram", "json"],
];
const COUNTER_COLUMNS: Columns = [
  ["day", "text"],
  ["journey", "text"],
  ["kind", "text"],
  ["k1", "text"],
  ["k2", "text"],
  ["n", "integer"],
  ["total", "real"],
];

/** Writes counter rows [day, journey, kind, k1, k2, n, total]; `add` adds them to rows that exist. */
async function writeCounters({ tx, provider, tables }: ReadModelTx, rows: readonly unknown[][], add = false): Promise<void> {
  const daily = ident(tables.analyticsDaily);
  const onConflict: Sql | undefined = add
    ? sql` ON CONFLICT ("day", "journey", "kind", "k1", "k2")
      DO UPDATE SET "n" = ${daily}."n" + excluded."n", "total" = ${daily}."total" + excluded."total"`
    : undefined;
  for (let i = 0; i < rows.length; i += 5_000) {
    await tx.$executeRaw(jsonRowsInsert(dialectOf(provider), tables.analyticsDaily, COUNTER_COLUMNS, rows.slice(i, i + 5_000), { onConflict }));
  }
}

/**
 * Recomputes the daily counters of these days from their sessions, inside the projector's
 * transaction: a day's counters always equal the sums over that day's sessions as they are now.
 * Reads the sessions of the touched days only (by the analytics_day index).
 */
export async function refreshDailyRollups(m: ReadModelTx, days: Iterable<string>): Promise<void> {
  const { tx, provider, tables } = m;
  const d = dialectOf(provider);
  const list = [...new Set(days)].sort();
  for (let i = 0; i < list.length; i += 50) {
    const chunk = list.slice(i, i + 50);
    const rows = await tx.$queryRaw<{ journey: string; user_id: string | null; outcome: string; analytics: unknown; analytics_day: string }[]>(
      sql`SELECT "journey", "user_id", "outcome", "analytics", "analytics_day" FROM ${ident(tables.sessions)} WHERE ${inList(d, sql`"analytics_day"`, chunk)}`,
    );
    await tx.$executeRaw(sql`DELETE FROM ${ident(tables.analyticsDaily)} WHERE ${inList(d, sql`"day"`, chunk)}`);
    await tx.$executeRaw(sql`DELETE FROM ${ident(tables.analyticsDailyGaps)} WHERE ${inList(d, sql`"day"`, chunk)}`);
    const byDayJourney = new Map<string, DaySession[]>();
    for (const r of rows) {
      const key = `${r.analytics_day}\u0000${r.journey}`;
      const list = byDayJourney.get(key) ?? [];
      list.push({ userId: r.user_id, outcome: r.outcome, facts: decodeJson<SessionFacts>(r.analytics) });
      byDayJourney.set(key, list);
    }
    const counters = [...byDayJourney].flatMap(([key, sessions]) => {
      const [day, journey] = key.split("\u0000") as [string, string];
      return rollUpDay(sessions).map((c) => [day, journey, c.kind, c.k1, c.k2, c.n, c.total]);
    });
    const gaps = [...byDayJourney].flatMap(([key, sessions]) => {
      const [day, journey] = key.split("\u0000") as [string, string];
      return gapHistograms(sessions).map((g) => [day, journey, g.step, g.histogram]);
    });
    for (let j = 0; j < gaps.length; j += 1_000) {
      await tx.$executeRaw(jsonRowsInsert(d, tables.analyticsDailyGaps, GAP_COLUMNS, gaps.slice(j, j + 1_000)));
    }
    await writeCounters(m, counters);
  }
}

/** A session as the counters see it. */
export interface CountedSession extends DaySession {
  day: string;
  journey: string;
}

/** These sessions as they are stored now (before they are folded again or closed). */
export async function loadCountedSessions({ tx, provider, tables }: ReadModelTx, ids: readonly string[]): Promise<CountedSession[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRaw<{ journey: string; user_id: string | null; outcome: string; analytics: unknown; analytics_day: string | null }[]>(
    sql`SELECT "journey", "user_id", "outcome", "analytics", "analytics_day" FROM ${ident(tables.sessions)}
      WHERE ${inList(dialectOf(provider), sql`"id"`, ids)}`,
  );
  return rows.flatMap((r) =>
    r.analytics_day && r.analytics
      ? [{ day: r.analytics_day, journey: r.journey, userId: r.user_id, outcome: r.outcome, facts: decodeJson<SessionFacts>(r.analytics) }]
      : [],
  );
}

/**
 * Live projection: the counters move by the difference between the sessions as they were and as
 * they are now — only the sessions a page folded again are read, never a whole day. Distinct
 * users (not additive) are counted again for the touched days by one indexed aggregate. A rebuild
 * recomputes whole days instead (refreshDailyRollups); the two agree (projector tests).
 */
export async function applyRollupDelta(m: ReadModelTx, before: readonly CountedSession[], after: readonly CountedSession[]): Promise<void> {
  const { tx, provider, tables } = m;
  const daily = ident(tables.analyticsDaily);
  const gapsTable = ident(tables.analyticsDailyGaps);
  const groups = new Map<string, { before: CountedSession[]; after: CountedSession[] }>();
  const group = (s: CountedSession) => {
    const key = `${s.day}\u0000${s.journey}`;
    const g = groups.get(key) ?? { before: [], after: [] };
    groups.set(key, g);
    return g;
  };
  for (const s of before) group(s).before.push(s);
  for (const s of after) group(s).after.push(s);
  if (groups.size === 0) return;

  const counters = new Map<string, unknown[]>();
  const gapDelta = new Map<string, Record<string, number>>();
  for (const [key, g] of groups) {
    const [day, journey] = key.split("\u0000") as [string, string];
    for (const [sessions, sign] of [
      [g.before, -1],
      [g.after, 1],
    ] as const) {
      for (const c of rollUpDay(sessions)) {
        if (c.kind === "users") continue;
        const k = [day, journey, c.kind, c.k1, c.k2].join("\u0000");
        const row = counters.get(k) ?? [day, journey, c.kind, c.k1, c.k2, 0, 0];
        row[5] = (row[5] as number) + sign * c.n;
        row[6] = (row[6] as number) + sign * c.total;
        counters.set(k, row);
      }
      for (const { step, histogram } of gapHistograms(sessions)) {
        const k = `${day}\u0000${journey}\u0000${step}`;
        const h = gapDelta.get(k) ?? {};
        for (const [seconds, n] of Object.entries(histogram)) h[seconds] = (h[seconds] ?? 0) + sign * n;
        gapDelta.set(k, h);
      }
    }
  }
  const changed = [...counters.values()].filter((r) => r[5] !== 0 || r[6] !== 0);
  await writeCounters(m, changed, true);
  const d = dialectOf(provider);
  const days = [...new Set([...groups.keys()].map((k) => k.split("\u0000")[0]!))];
  await tx.$executeRaw(sql`DELETE FROM ${daily} WHERE ${inList(d, sql`"day"`, days)} AND "n" = 0 AND "total" = 0`);

  // Distinct users of the touched days, counted again from the sessions' index.
  await tx.$executeRaw(sql`DELETE FROM ${daily} WHERE ${inList(d, sql`"day"`, days)} AND "kind" = 'users'`);
  await tx.$executeRaw(sql`INSERT INTO ${daily} ("day", "journey", "kind", "k1", "k2", "n", "total")
    SELECT "analytics_day", "journey", 'users', '', '', COUNT(DISTINCT "user_id"), 0 FROM ${ident(tables.sessions)}
    WHERE ${inList(d, sql`"analytics_day"`, days)} AND "user_id" IS NOT NULL GROUP BY "analytics_day", "journey"`);

  for (const [k, delta] of gapDelta) {
    const [day, journey, step] = k.split("\u0000") as [string, string, string];
    const where = sql`"day" = ${day} AND "journey" = ${journey} AND "step" = ${Number(step)}`;
    const rows = await tx.$queryRaw<{ histogram: unknown }[]>(sql`SELECT "histogram" FROM ${gapsTable} WHERE ${where}`);
    const histogram = rows[0] ? decodeJson<Record<string, number>>(rows[0].histogram) : {};
    for (const [seconds, n] of Object.entries(delta)) {
      const next = (histogram[seconds] ?? 0) + n;
      if (next === 0) delete histogram[seconds];
      else histogram[seconds] = next;
    }
    await tx.$executeRaw(sql`DELETE FROM ${gapsTable} WHERE ${where}`);
    if (Object.keys(histogram).length > 0) {
      await tx.$executeRaw(jsonRowsInsert(d, tables.analyticsDailyGaps, GAP_COLUMNS, [[day, journey, Number(step), histogram]]));
    }
  }
}
