import { encodeDate } from "../db/json-rows";
import type { Store } from "../db/prisma";
import type { Prisma, Session } from "../generated/sqlite/client";
import { SNAPSHOT_EVERY } from "./summarise";

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

/** The newest sessions first (optionally of one outcome), after the `after` row in that order. */
export interface SessionFilter {
  outcome?: string;
  /** analytics days, inclusive (YYYY-MM-DD) */
  from?: string;
  to?: string;
  /** funnel steps reached in order: at least this many, or exactly this many */
  minDepth?: number;
  depth?: number;
  dropReason?: string;
  journey?: string;
  /** a dimension of the analytics facts and its value ("unknown" for none) */
  dimension?: { name: "platform" | "device" | "country" | "destination"; value: string };
  /** sessions that viewed, started a booking for, or booked this offer (or an offer of this destination or package) */
  offer?: { field: "offerId" | "destination" | "package"; value: string; metric: "views" | "starts" | "bookings" };
  /** the path through the funnel, as the analytics pages name it ("search>view_offer>end:browsed") */
  path?: string;
}

/**
 * Conditions on the analytics facts (JSON) that Prisma cannot express on both providers: raw SQL,
 * the column names fixed here and every value a bound parameter.
 */
function factConditions(provider: "sqlite" | "postgresql", filter: SessionFilter, params: unknown[]): string[] {
  const p = (value: unknown) => {
    params.push(value);
    return provider === "sqlite" ? "?" : `$${params.length}`;
  };
  const out: string[] = [];
  if (filter.dimension) {
    const field = provider === "sqlite" ? `json_extract("analytics", '$.${filter.dimension.name}')` : `("analytics" ->> '${filter.dimension.name}')`;
    out.push(filter.dimension.value === "unknown" ? `${field} IS NULL` : `${field} = ${p(filter.dimension.value)}`);
  }
  if (filter.offer) {
    const { field, value, metric } = filter.offer;
    const name = ({ offerId: "offerId", destination: "destination", package: "package" } as const)[field];
    out.push(
      provider === "sqlite"
        ? `EXISTS (SELECT 1 FROM json_each("analytics", '$.offers') o WHERE json_extract(o.value, '$.${name}') = ${p(value)} AND ` +
            (metric === "views" ? `json_extract(o.value, '$.views') > 0` : metric === "starts" ? `json_extract(o.value, '$.started') = 1` : `json_extract(o.value, '$.booked') = 1`) + ")"
        : `EXISTS (SELECT 1 FROM jsonb_array_elements("analytics" -> 'offers') o WHERE o ->> '${name}' = ${p(value)} AND ` +
            (metric === "views" ? `(o ->> 'views')::int > 0` : metric === "starts" ? `(o ->> 'started')::boolean` : `(o ->> 'booked')::boolean`) + ")",
    );
  }
  if (filter.path) {
    out.push(
      provider === "sqlite"
        ? `(SELECT group_concat(value, '>') FROM (SELECT value FROM json_each("analytics", '$.path') ORDER BY key)) = ${p(filter.path)}`
        : `(SELECT string_agg(value, '>' ORDER BY ord) FROM jsonb_array_elements_text("analytics" -> 'path') WITH ORDINALITY t(value, ord)) = ${p(filter.path)}`,
    );
  }
  return out;
}

/** The WHERE of a drill-down on the analytics facts, every value a bound parameter. */
function factsWhere(store: Store, filter: SessionFilter, after: { startedAt: Date; id: string } | undefined) {
  const provider = store.target.provider;
  const params: unknown[] = [];
  const p = (value: unknown) => {
    params.push(value);
    return provider === "sqlite" ? "?" : `$${params.length}`;
  };
  const where = [`"journey" = ${p("holiday-booking")}`];
  if (filter.from) where.push(`"analytics_day" >= ${p(filter.from)}`);
  if (filter.to) where.push(`"analytics_day" <= ${p(filter.to)}`);
  if (filter.outcome) where.push(`"outcome" = ${p(filter.outcome)}`);
  if (filter.depth !== undefined) where.push(`"funnel_depth" = ${p(filter.depth)}`);
  else if (filter.minDepth !== undefined) where.push(`"funnel_depth" >= ${p(filter.minDepth)}`);
  if (filter.dropReason) where.push(`"drop_reason" = ${p(filter.dropReason)}`);
  where.push(...factConditions(provider, filter, params));
  if (after) {
    const at = encodeDate(provider, after.startedAt);
    const cast = provider === "sqlite" ? "" : "::timestamp(3)";
    where.push(`("started_at" < ${p(at)}${cast} OR ("started_at" = ${p(at)}${cast} AND "id" > ${p(after.id)}))`);
  }
  return { sql: where.join(" AND "), params, p };
}

const needsFacts = (filter: SessionFilter) => Boolean(filter.dimension || filter.offer || filter.path);

/** Ids of sessions matching conditions on their analytics facts, in list order (the drill-downs). */
async function idsByFacts(store: Store, filter: SessionFilter, after: { startedAt: Date; id: string } | undefined, limit: number): Promise<string[]> {
  const { sql, params, p } = factsWhere(store, filter, after);
  const rows = await store.db.$queryRawUnsafe<{ id: string }[]>(
    `SELECT "id" FROM "sessions" WHERE ${sql} ORDER BY "started_at" DESC, "id" ASC LIMIT ${p(limit)}`,
    ...params,
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
    dropReason: options.dropReason,
    ...(after ? { OR: [{ startedAt: { lt: after.startedAt } }, { startedAt: after.startedAt, id: { gt: after.id } }] } : {}),
  };
}

export async function listRecentSessions(
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
export async function countSessions(store: Store, filter: SessionFilter): Promise<number> {
  if (!needsFacts(filter)) return store.db.session.count({ where: sessionWhere(filter, undefined, null) });
  const { sql, params } = factsWhere(store, filter, undefined);
  const rows = await store.db.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT COUNT(*) AS "n" FROM "sessions" WHERE ${sql}`, ...params);
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

/** How short a prefix of a user id or booking reference may find it (suggestions while typing). */
export const MIN_PREFIX = 3;

/**
 * Users a query finds, as plain text (no wildcards: a LIKE pattern would read `%` and `_` typed
 * by an agent as wildcards). What may match depends on the term's kind, because results show
 * personal values masked and any partial match of one would let a caller rebuild it one
 * character at a time from which queries still find the customer: emails and phone numbers
 * match only whole, names by whole words ("jane", "jane doe", never "jan" or "jane d"), and only
 * user ids and booking references, which results show anyway, by a prefix of MIN_PREFIX or more
 * characters (not a user id that is itself an email or a phone number). A customer's reference
 * finds them too.
 */
export async function searchUserIds(store: Store, query: string, limit = 20): Promise<string[]> {
  const term = query.trim().toLowerCase().replace(/\s+/g, " ");
  if (term === "") return [];
  const prefix = term.length >= MIN_PREFIX ? term : null;
  const sql =
    store.target.provider === "sqlite"
      ? `SELECT DISTINCT "user_id" FROM "user_search_terms" WHERE "term" = ? ` +
        `OR ("kind" = 'name' AND instr(' ' || "term" || ' ', ' ' || ? || ' ') > 0) ` +
        `OR ("kind" IN ('user', 'booking') AND substr("term", 1, length(?)) = ? ` +
        `AND instr("term", '@') = 0 AND "term" GLOB '*[^0-9 ()+.-]*') ` +
        `OR "user_id" IN (SELECT "user_id" FROM "user_references" WHERE "reference" = ?) ORDER BY "user_id" LIMIT ?`
      : `SELECT DISTINCT "user_id" FROM "user_search_terms" WHERE "term" = $1 ` +
        `OR ("kind" = 'name' AND strpos(' ' || "term" || ' ', ' ' || $1 || ' ') > 0) ` +
        `OR ("kind" IN ('user', 'booking') AND $2::text IS NOT NULL AND starts_with("term", $2::text) ` +
        `AND strpos("term", '@') = 0 AND "term" !~ '^[0-9 ()+.-]*$') ` +
        `OR "user_id" IN (SELECT "user_id" FROM "user_references" WHERE "reference" = $1) ORDER BY "user_id" LIMIT $3`;
  // SQLite's adapter binds `?` in order only (no `?1`): the values repeat where the SQL does.
  const params = store.target.provider === "sqlite" ? [term, term, prefix, prefix, term, limit] : [term, prefix, limit];
  const rows = await store.db.$queryRawUnsafe<{ user_id: string }[]>(sql, ...params);
  return rows.map((r) => r.user_id);
}

export async function readUserSummaries(store: Store, userIds: readonly string[]) {
  const rows = await store.db.userSummary.findMany({ where: { userId: { in: [...userIds] } } });
  const order = new Map(userIds.map((id, i) => [id, i]));
  return rows.sort((a, b) => order.get(a.userId)! - order.get(b.userId)!);
}
