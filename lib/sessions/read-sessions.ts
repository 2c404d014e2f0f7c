import { dialectOf, type Dialect } from "../db/dialect";
import { join, sql, type Sql } from "../db/sql";
import type { Store } from "../db/prisma";
import type { Prisma, Session } from "../generated/sqlite/client";
import { SNAPSHOT_EVERY } from "./session-block";

export type { Session };

/** A session by id, following aliases left by merges. */
export async function findSession(store: Store, id: string): Promise<Session | null> {
  const direct = await store.db.session.findUnique({ where: { id } });
  if (direct) return direct;
  const alias = await store.db.sessionAlias.findUnique({ where: { alias: id } });
  return alias ? store.db.session.findUnique({ where: { id: alias.sessionId } }) : null;
}

export async function listUserSessions(store: Store, userId: string, limit = 200): Promise<Session[]> {
  return store.db.session.findMany({ where: { userId }, orderBy: { startedAt: "desc" }, take: limit });
}

/** A customer's sessions that were going on at some moment in [from, to]: where a flow happened. */
export async function sessionsOverlapping(store: Store, userId: string, from: Date, to: Date): Promise<Session[]> {
  return store.db.session.findMany({
    where: { userId, startedAt: { lte: to }, lastEventAt: { gte: from } },
    orderBy: { startedAt: "asc" },
    take: 20,
  });
}

/** Which sessions a list or a drill-down shows: every condition given must hold. */
export interface SessionFilter {
  outcome?: string;
  /** analytics days, inclusive (YYYY-MM-DD) */
  from?: string;
  to?: string;
  /** funnel steps reached in order: at least this many, or exactly this many */
  minDepth?: number;
  depth?: number;
  dropReason?: string;
  /** ended without completing (has a drop reason): what the funnel counts as dropped off, never a live session */
  dropped?: boolean;
  journey?: string;
  /** a dimension of the session's journey (its key) and a value ("unknown" for none), as the funnel breakdown names them */
  dimension?: { name: string; value: string };
  /** sessions that viewed, started a booking for, or booked this offer (or an offer of this destination or package) */
  offer?: { field: "offerId" | "destination" | "package"; value: string; metric: "views" | "starts" | "bookings" };
  /** the path through the funnel, as the analytics pages name it ("search>view_offer>end:browsed") */
  path?: string;
  /** the session's collapsed event types, then "end:<outcome>", as the paths page's event level names them */
  eventPath?: string;
}

/**
 * Conditions on the analytics facts (JSON) that Prisma cannot express on both providers: raw SQL,
 * the column names fixed here and every value a bound parameter.
 */
function factConditions(d: Dialect, filter: SessionFilter): Sql[] {
  const analytics = sql`"analytics"`;
  const out: Sql[] = [];
  if (filter.dimension) {
    // The facts list `key=value` per value (lib/analytics/session-facts.ts dimensionIndex).
    const index = d.cast(d.jsonText(analytics, "dimensionIndex"), "json");
    out.push(d.inJsonArray(sql`${`${filter.dimension.name}=${filter.dimension.value}`}`, index));
  }
  if (filter.offer) {
    const { field, value, metric } = filter.offer;
    const name = ({ offerId: "offerId", destination: "destination", package: "package" } as const)[field];
    const o = sql`o."value"`;
    const reached = metric === "views" ? sql`${d.jsonNumber(o, "views")} > 0` : d.jsonTrue(o, metric === "starts" ? "started" : "booked");
    out.push(sql`EXISTS (SELECT 1 FROM ${d.jsonFieldElements(analytics, "offers", "o")} WHERE ${d.jsonText(o, name)} = ${value} AND ${reached})`);
  }
  if (filter.path) out.push(sql`${d.jsonJoinedTexts(analytics, "path", ">")} = ${filter.path}`);
  if (filter.eventPath) out.push(sql`${d.jsonJoinedTexts(analytics, "eventPath", ">")} = ${filter.eventPath}`);
  return out;
}

/** The WHERE of a drill-down on the analytics facts, every value a bound parameter. */
function factsWhere(store: Store, filter: SessionFilter, after: { startedAt: Date; id: string } | undefined): Sql {
  const d = dialectOf(store.target.provider);
  const where = [sql`"journey" = ${filter.journey ?? "holiday-booking"}`];
  if (filter.from) where.push(sql`"analytics_day" >= ${filter.from}`);
  if (filter.to) where.push(sql`"analytics_day" <= ${filter.to}`);
  if (filter.outcome) where.push(sql`"outcome" = ${filter.outcome}`);
  if (filter.depth !== undefined) where.push(sql`"funnel_depth" = ${filter.depth}`);
  else if (filter.minDepth !== undefined) where.push(sql`"funnel_depth" >= ${filter.minDepth}`);
  if (filter.dropReason) where.push(sql`"drop_reason" = ${filter.dropReason}`);
  else if (filter.dropped) where.push(sql`"drop_reason" IS NOT NULL`);
  where.push(...factConditions(d, filter));
  if (after) {
    const at = d.timestamp(after.startedAt);
    where.push(sql`("started_at" < ${at} OR ("started_at" = ${at} AND "id" > ${after.id}))`);
  }
  return join(where, " AND ");
}

const needsFacts = (filter: SessionFilter) => Boolean(filter.dimension || filter.offer || filter.path || filter.eventPath);

/** Ids of sessions matching conditions on their analytics facts, in list order (the drill-downs). */
async function idsByFacts(store: Store, filter: SessionFilter, after: { startedAt: Date; id: string } | undefined, limit: number): Promise<string[]> {
  const rows = await store.db.$queryRaw<{ id: string }[]>(
    sql`SELECT "id" FROM "sessions" WHERE ${factsWhere(store, filter, after)} ORDER BY "started_at" DESC, "id" ASC LIMIT ${limit}`,
  );
  return rows.map((r) => r.id);
}

function sessionWhere(options: SessionFilter, after: { startedAt: Date; id: string } | undefined, byFacts: string[] | null): Prisma.SessionWhereInput {
  return {
    id: byFacts ? { in: byFacts } : undefined,
    outcome: options.outcome,
    journey: options.journey,
    analyticsDay: options.from || options.to ? { gte: options.from, lte: options.to } : undefined,
    funnelDepth: options.depth !== undefined ? options.depth : options.minDepth !== undefined ? { gte: options.minDepth } : undefined,
    dropReason: options.dropReason ?? (options.dropped ? { not: null } : undefined),
    ...(after ? { OR: [{ startedAt: { lt: after.startedAt } }, { startedAt: after.startedAt, id: { gt: after.id } }] } : {}),
  };
}

/**
 * The newest sessions first that match a filter, after the `after` row in that order (the store's
 * read; lib/data/sessions.ts listRecentSessions pages and masks it for the sessions page).
 */
export async function selectRecentSessions(
  store: Store,
  options: SessionFilter & { after?: { startedAt: Date; id: string }; limit: number },
): Promise<Session[]> {
  const { after } = options;
  const byFacts = needsFacts(options) ? await idsByFacts(store, options, after, options.limit) : null;
  return store.db.session.findMany({
    where: sessionWhere(options, after, byFacts),
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    take: options.limit,
  });
}

/** How many sessions a filter matches: the total a drill-down answers for the number clicked. */
export async function countMatchingSessions(store: Store, filter: SessionFilter): Promise<number> {
  if (!needsFacts(filter)) return store.db.session.count({ where: sessionWhere(filter, undefined, null) });
  const rows = await store.db.$queryRaw<{ n: number | bigint }[]>(sql`SELECT COUNT(*) AS "n" FROM "sessions" WHERE ${factsWhere(store, filter, undefined)}`);
  return Number(rows[0]?.n ?? 0);
}

/** Positions of a session's events from `fromSeq`, in session order. */
export async function readSessionPositions(store: Store, sessionId: string, fromSeq: number, limit: number): Promise<{ seq: number; position: number }[]> {
  if (limit <= 0) return [];
  const first = Math.floor(fromSeq / SNAPSHOT_EVERY);
  const last = Math.floor((fromSeq + limit - 1) / SNAPSHOT_EVERY);
  const blocks = await store.db.sessionBlock.findMany({
    where: { sessionId, block: { gte: first, lte: last } },
    orderBy: { block: "asc" },
    select: { block: true, positions: true },
  });
  const out: { seq: number; position: number }[] = [];
  for (const b of blocks) {
    (b.positions as number[]).forEach((position, i) => {
      const seq = b.block * SNAPSHOT_EVERY + i;
      if (seq >= fromSeq && seq < fromSeq + limit) out.push({ seq, position });
    });
  }
  return out;
}

/** Snapshots (the state before event `seq`) from the one at or before `fromSeq` up to `toSeq`. */
export async function readSnapshots(store: Store, sessionId: string, fromSeq: number, toSeq: number): Promise<{ seq: number; state: unknown }[]> {
  const blocks = await store.db.sessionBlock.findMany({
    where: { sessionId, block: { gte: Math.max(1, Math.floor(fromSeq / SNAPSHOT_EVERY)), lte: Math.floor(toSeq / SNAPSHOT_EVERY) } },
    orderBy: { block: "asc" },
    select: { block: true, state: true },
  });
  return blocks.filter((b) => b.state !== null).map((b) => ({ seq: b.block * SNAPSHOT_EVERY, state: b.state }));
}

/** The shortest prefix of a user id or booking reference that finds it. */
export const MIN_PREFIX = 3;

/**
 * Users a query finds, matched as plain text (no LIKE: an agent's `%` and `_` are not wildcards).
 * How a term may match depends on its kind. Results show personal values masked, so a partial
 * match of one would let a caller rebuild it a character at a time from which queries still find
 * the customer: emails and phone numbers match only whole, names only by whole words ("jane",
 * "jane doe"; never "jan" or "jane d"). User ids and booking references, which results show
 * anyway, also match by a prefix of MIN_PREFIX or more characters, unless the id is itself an
 * email or a phone number. A customer's reference finds them too. Answered by last seen, newest first.
 */
export async function searchUserIds(store: Store, query: string, limit = 20): Promise<string[]> {
  const term = query.trim().toLowerCase().replace(/\s+/g, " ");
  if (term === "") return [];
  const prefix = term.length >= MIN_PREFIX ? term : null;
  const d = dialectOf(store.target.provider);
  const t = sql`"term"`;
  // Newest first (the customer an agent is asked about is most often the one just seen), then by
  // id so the order is total; one without a summary yet last, on both databases alike.
  const rows = await store.db.$queryRaw<
    { user_id: string }[]
  >(sql`SELECT m."user_id" FROM (SELECT DISTINCT "user_id" FROM "user_search_terms" WHERE "term" = ${term}
    OR ("kind" = 'name' AND ${d.position(sql`' ' || "term" || ' '`, sql`' ' || ${term} || ' '`)} > 0)
    OR ("kind" IN ('user', 'booking') AND ${d.startsWith(t, sql`${prefix}`)}
      AND ${d.position(t, sql`'@'`)} = 0 AND ${d.hasCharOutside(t, "0-9 ()+.-")})
    OR "user_id" IN (SELECT "user_id" FROM "user_references" WHERE "reference" = ${term})) m
    LEFT JOIN "user_summaries" u ON u."user_id" = m."user_id"
    ORDER BY CASE WHEN u."last_seen" IS NULL THEN 1 ELSE 0 END, u."last_seen" DESC, m."user_id" LIMIT ${limit}`);
  return rows.map((r) => r.user_id);
}

export async function readUserSummaries(store: Store, userIds: readonly string[]) {
  const rows = await store.db.userSummary.findMany({ where: { userId: { in: [...userIds] } } });
  const order = new Map(userIds.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.userId)! - order.get(b.userId)!);
}

/** The ids of every session a filter matches (a segment's cohort: lib/data/after-drop-off-cohort.ts), in no particular order. */
export async function selectMatchingIds(store: Store, filter: SessionFilter): Promise<string[]> {
  if (!needsFacts(filter)) return (await store.db.session.findMany({ where: sessionWhere(filter, undefined, null), select: { id: true } })).map((r) => r.id);
  const rows = await store.db.$queryRaw<{ id: string }[]>(sql`SELECT "id" FROM "sessions" WHERE ${factsWhere(store, filter, undefined)}`);
  return rows.map((r) => r.id);
}
