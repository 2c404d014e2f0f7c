import { dialectOf } from "../db/dialect";
import type { Store } from "../db/prisma";
import { join, sql } from "../db/sql";
import type { Session } from "../generated/sqlite/client";
import { SNAPSHOT_EVERY } from "../sessions/session-block";
import type { CheckedFilter } from "./check-filter";
import { encodeCursor, type SearchCursor } from "./cursor";
import { hasEventCondition } from "./filter";
import { afterCursor, eventConditions, searchWhere } from "./search-sql";

/** The first event of a session that meets the event condition: its store position, and its index in the session (the replay's `?at=`). */
export interface FirstMatch {
  seq: number;
  position: number;
}

export interface SearchPage {
  sessions: { session: Session; firstMatch: FirstMatch | null }[];
  /** the cursor of the next page; absent on the last */
  next?: string;
}

/**
 * A page of the sessions a checked filter matches, newest start first (then id), after `cursor`:
 * each session once across pages, whatever is added meanwhile. Rows as the store keeps them:
 * callers mask them (lib/data/session-search.ts).
 */
export async function searchSessions(store: Store, filter: CheckedFilter, page: { limit: number; cursor?: SearchCursor }): Promise<SearchPage> {
  const d = dialectOf(store.target.provider);
  const rows = await store.db.$queryRaw<{ id: string }[]>(
    sql`SELECT s."id" FROM "sessions" s WHERE ${searchWhere(d, filter, page.cursor)} ORDER BY s."started_at" DESC, s."id" ASC LIMIT ${page.limit + 1}`,
  );
  return pageOf(store, filter, rows, page.limit);
}

/**
 * A page and the exact total. With an event condition (the dear part: events read per session),
 * one pass finds the matches once and counts them all (a window over every match) while keeping
 * the page after the cursor; without one, the page walks the start-time index and a count follows.
 */
export async function searchSessionsWithTotal(
  store: Store,
  filter: CheckedFilter,
  page: { limit: number; cursor?: SearchCursor },
): Promise<SearchPage & { total: number }> {
  if (!hasEventCondition(filter)) {
    const [found, total] = await Promise.all([searchSessions(store, filter, page), countSessions(store, filter)]);
    return { ...found, total };
  }
  const d = dialectOf(store.target.provider);
  const later = page.cursor ? afterCursor(d, page.cursor) : sql`1 = 1`;
  const rows = await store.db.$queryRaw<{ id: string; total: number | bigint }[]>(
    sql`SELECT m."id", m."total" FROM (SELECT s."id", s."started_at", COUNT(*) OVER () AS "total", CASE WHEN ${later} THEN 1 ELSE 0 END AS "later"
      FROM "sessions" s WHERE ${searchWhere(d, filter)}) m WHERE m."later" = 1 ORDER BY m."started_at" DESC, m."id" ASC LIMIT ${page.limit + 1}`,
  );
  // A page after the last match has no row to carry the total: count it then.
  const total = rows.length > 0 ? Number(rows[0]!.total) : await countSessions(store, filter);
  return { ...(await pageOf(store, filter, rows, page.limit)), total };
}

async function pageOf(store: Store, filter: CheckedFilter, rows: readonly { id: string }[], limit: number): Promise<SearchPage> {
  const ids = rows.slice(0, limit).map((r) => r.id);
  const found = new Map((await store.db.session.findMany({ where: { id: { in: ids } } })).map((s) => [s.id, s]));
  const sessions = ids.map((id) => found.get(id)).filter((s): s is Session => s !== undefined);
  const matches = await firstMatches(store, filter, sessions);
  const last = sessions.at(-1);
  return {
    sessions: sessions.map((session) => ({ session, firstMatch: matches.get(session.id) ?? null })),
    ...(rows.length > limit && last ? { next: encodeCursor({ startedAt: last.startedAt, id: last.id }) } : {}),
  };
}

/** How many sessions a checked filter matches, exactly. */
export async function countSessions(store: Store, filter: CheckedFilter): Promise<number> {
  const d = dialectOf(store.target.provider);
  const rows = await store.db.$queryRaw<{ n: number | bigint }[]>(sql`SELECT COUNT(*) AS "n" FROM "sessions" s WHERE ${searchWhere(d, filter)}`);
  return Number(rows[0]?.n ?? 0);
}

/** The ids of every session a checked filter matches, in no particular order: a segment's cohort. */
export async function matchingSessionIds(store: Store, filter: CheckedFilter): Promise<string[]> {
  const d = dialectOf(store.target.provider);
  return (await store.db.$queryRaw<{ id: string }[]>(sql`SELECT s."id" FROM "sessions" s WHERE ${searchWhere(d, filter)}`)).map((r) => r.id);
}

/** How many sessions match per UTC start day (the analytics day), days with none left out: a segment's trend. */
export async function countSessionsByDay(store: Store, filter: CheckedFilter): Promise<{ day: string; sessions: number }[]> {
  const d = dialectOf(store.target.provider);
  const rows = await store.db.$queryRaw<{ day: string | null; n: number | bigint }[]>(
    sql`SELECT s."analytics_day" AS "day", COUNT(*) AS "n" FROM "sessions" s WHERE ${searchWhere(d, filter)}
      GROUP BY s."analytics_day" ORDER BY s."analytics_day"`,
  );
  return rows.filter((r) => r.day !== null).map((r) => ({ day: r.day!, sessions: Number(r.n) }));
}

/**
 * The first matching event of each session (by its place in the session): the session's own
 * positions from its blocks, the matching events among those in its time span. Without an event
 * condition, its first event.
 */
export async function firstMatches(store: Store, filter: CheckedFilter, sessions: readonly Session[]): Promise<Map<string, FirstMatch>> {
  if (sessions.length === 0) return new Map();
  const ids = sessions.map((s) => s.id);
  const eventful = hasEventCondition(filter);
  const blocks = await store.db.sessionBlock.findMany({
    where: { sessionId: { in: ids }, ...(eventful ? {} : { block: 0 }) },
    select: { sessionId: true, block: true, positions: true },
  });
  const seqOf = new Map<string, Map<number, number>>();
  for (const b of blocks) {
    const own = seqOf.get(b.sessionId) ?? new Map<number, number>();
    for (const [i, p] of (b.positions as number[]).entries()) own.set(Number(p), b.block * SNAPSHOT_EVERY + i);
    seqOf.set(b.sessionId, own);
  }
  const out = new Map<string, FirstMatch>();
  if (!eventful) {
    for (const [id, own] of seqOf) {
      const first = [...own].find(([, seq]) => seq === 0);
      if (first) out.set(id, { seq: first[0], position: 0 });
    }
    return out;
  }
  const d = dialectOf(store.target.provider);
  const conditions = [sql`s."id" IN (${join(ids)})`, ...eventConditions(d, filter)];
  const candidates = await store.db.$queryRaw<{ id: string; position: number | bigint }[]>(
    sql`SELECT s."id", e."position" FROM "sessions" s JOIN "events" e ON e."occurred_at" >= s."started_at" AND e."occurred_at" <= s."last_event_at"
      AND e."position" <= s."last_position" WHERE ${join(conditions, " AND ")}`,
  );
  for (const c of candidates) {
    const position = Number(c.position);
    const seq = seqOf.get(c.id)?.get(position);
    const best = out.get(c.id);
    if (seq !== undefined && (!best || seq < best.position)) out.set(c.id, { seq: position, position: seq });
  }
  return out;
}
