import type { DatabaseTarget } from "../db/database-url";
import { jsonInList, jsonRowsInsert } from "../db/json-rows";
import type { Tx } from "../sessions/projection-store";
import { gapHistograms, rollUpDay, type DaySession } from "./rollup";
import type { SessionFacts } from "./session-facts";

type Provider = DatabaseTarget["provider"];
const ph = (provider: Provider, n: number) => (provider === "sqlite" ? "?" : `$${n}`);
const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);

/**
 * Recomputes the daily counters of these days from their sessions, inside the projector's
 * transaction: a day's counters always equal the sums over that day's sessions as they are now.
 * Reads the sessions of the touched days only (by the analytics_day index).
 */
export async function refreshDailyRollups(tx: Tx, provider: Provider, days: Iterable<string>): Promise<void> {
  const list = [...new Set(days)].sort();
  for (let i = 0; i < list.length; i += 50) {
    const chunk = JSON.stringify(list.slice(i, i + 50));
    const rows = await tx.$queryRawUnsafe<{ journey: string; user_id: string | null; outcome: string; analytics: unknown; analytics_day: string }[]>(
      `SELECT "journey", "user_id", "outcome", "analytics", "analytics_day" FROM "sessions" WHERE ${jsonInList(provider, `"analytics_day"`)}`,
      chunk,
    );
    await tx.$executeRawUnsafe(`DELETE FROM "analytics_daily" WHERE ${jsonInList(provider, `"day"`)}`, chunk);
    await tx.$executeRawUnsafe(`DELETE FROM "analytics_daily_gaps" WHERE ${jsonInList(provider, `"day"`)}`, chunk);
    const byDayJourney = new Map<string, DaySession[]>();
    for (const r of rows) {
      const key = `${r.analytics_day}\u0000${r.journey}`;
      const list = byDayJourney.get(key) ?? [];
      list.push({ userId: r.user_id, outcome: r.outcome, facts: parse(r.analytics) as SessionFacts });
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
      const { sql, param } = jsonRowsInsert(provider, "analytics_daily_gaps", [["day", "text"], ["journey", "text"], ["step", "integer"], ["histogram", "json"]], gaps.slice(j, j + 1_000));
      await tx.$executeRawUnsafe(sql, param);
    }
    for (let j = 0; j < counters.length; j += 5_000) {
      const { sql, param } = jsonRowsInsert(
        provider,
        "analytics_daily",
        [["day", "text"], ["journey", "text"], ["kind", "text"], ["k1", "text"], ["k2", "text"], ["n", "integer"], ["total", "real"]],
        counters.slice(j, j + 5_000),
      );
      await tx.$executeRawUnsafe(sql, param);
    }
  }
}

/** The analytics days of these sessions (before they are folded again or closed). */
export async function daysOfSessions(tx: Tx, provider: Provider, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.$queryRawUnsafe<{ analytics_day: string | null }[]>(
    `SELECT DISTINCT "analytics_day" FROM "sessions" WHERE ${jsonInList(provider, `"id"`)}`,
    JSON.stringify(ids),
  );
  return rows.flatMap((r) => (r.analytics_day ? [r.analytics_day] : []));
}

export { ph };
