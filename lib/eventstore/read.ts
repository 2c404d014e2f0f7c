import { dialectOf } from "../db/dialect";
import type { Store } from "../db/prisma";
import { recordedSince } from "../db/recorded-since";
import { sql } from "../db/sql";
import { streamVersionsQuery, type StreamVersionRow } from "./lookups";
import type { Prisma, StoredEvent } from "../generated/sqlite/client";

export type { StoredEvent };

export const FEED_MAX_LIMIT = 1_000;

export interface FeedFilter {
  /** one type, or any of a list (an explorer pattern resolved against the store's types) */
  type?: string | readonly string[];
  source?: string;
  userid?: string;
  stream?: string;
  correlationid?: string;
  /**
   * With `userid`: also the events that carry no user id on these correlation ids (a payment
   * callback knows the booking's flow, not the customer), so a user's view misses none of theirs.
   */
  joinedCorrelationIds?: readonly string[];
  /** event time bounds, inclusive from, exclusive to */
  from?: Date;
  to?: Date;
}

function whereOf(filter: FeedFilter): Prisma.StoredEventWhereInput {
  const joined = filter.userid !== undefined && filter.joinedCorrelationIds?.length ? [...filter.joinedCorrelationIds] : null;
  return {
    type: typeof filter.type === "string" || filter.type === undefined ? filter.type : { in: [...filter.type] },
    source: filter.source,
    ...(joined ? { OR: [{ userid: filter.userid }, { userid: null, correlationid: { in: joined } }] } : { userid: filter.userid }),
    stream: filter.stream,
    correlationid: filter.correlationid,
    occurredAt: filter.from || filter.to ? { gte: filter.from, lt: filter.to } : undefined,
  };
}

/** The global feed in append order, strictly after `after` (the catch-up subscription read). */
export async function readFeed(store: Store, options: { after?: number; upTo?: number; limit?: number; filter?: FeedFilter } = {}): Promise<StoredEvent[]> {
  return store.db.storedEvent.findMany({
    where: {
      ...whereOf(options.filter ?? {}),
      position: {
        gt: BigInt(options.after ?? 0),
        lte: options.upTo !== undefined ? BigInt(options.upTo) : undefined,
      },
    },
    orderBy: { position: "asc" },
    take: Math.min(options.limit ?? 100, FEED_MAX_LIMIT),
  });
}

/** The feed newest first, strictly before `before` (the explorer's default view). */
export async function readFeedBackward(store: Store, options: { before?: number; limit?: number; filter?: FeedFilter } = {}): Promise<StoredEvent[]> {
  // Event-time bounds: the months recorded before any such event are left out (lib/db/recorded-since.ts).
  const since = await recordedSince(store, options.filter?.from, options.filter?.to);
  return store.db.storedEvent.findMany({
    where: {
      ...whereOf(options.filter ?? {}),
      ...(since ? { recordedAt: { gte: since } } : {}),
      position: options.before !== undefined ? { lt: BigInt(options.before) } : undefined,
    },
    orderBy: { position: "desc" },
    take: Math.min(options.limit ?? 100, FEED_MAX_LIMIT),
  });
}

/** One stream in version order, from `fromVersion` (inclusive). */
export async function readStream(store: Store, stream: string, options: { fromVersion?: number; limit?: number } = {}): Promise<StoredEvent[]> {
  return store.db.storedEvent.findMany({
    where: { stream, streamVersion: { gte: options.fromVersion ?? 1 } },
    orderBy: { streamVersion: "asc" },
    take: Math.min(options.limit ?? FEED_MAX_LIMIT, FEED_MAX_LIMIT),
  });
}

export async function readEventAt(store: Store, position: number): Promise<StoredEvent | null> {
  return store.db.storedEvent.findUnique({ where: { position: BigInt(position) } });
}

/** The highest position in the store, 0 when empty. */
export async function readHeadPosition(store: Store): Promise<number> {
  const last = await store.db.storedEvent.findFirst({ orderBy: { position: "desc" }, select: { position: true } });
  return last ? Number(last.position) : 0;
}

/**
 * Every event type in the store, alphabetically. A loose index scan: one seek into the type index
 * per distinct type, where GROUP BY read the whole index on every explorer load (the same SQL on
 * SQLite and PostgreSQL).
 */
export async function readEventTypes(store: Store): Promise<string[]> {
  const rows = await store.db.$queryRaw<{ type: string | null }[]>(
    sql`WITH RECURSIVE t("type") AS (
       SELECT MIN("type") FROM "events"
       UNION ALL
       SELECT (SELECT MIN(e."type") FROM "events" e WHERE e."type" > t."type") FROM t WHERE t."type" IS NOT NULL
     )
     SELECT "type" FROM t WHERE "type" IS NOT NULL`,
  );
  return rows.map((r) => r.type!);
}

/** Events at these positions, in the order given (positions not found are skipped). */
export async function readEventsAt(store: Store, positions: readonly number[]): Promise<StoredEvent[]> {
  const byPosition = new Map<number, StoredEvent>();
  // In chunks of 500: Prisma refuses longer IN lists on SQLite in some query shapes.
  for (let i = 0; i < positions.length; i += 500) {
    const chunk = positions.slice(i, i + 500).map((p) => BigInt(p));
    for (const r of await store.db.storedEvent.findMany({ where: { position: { in: chunk } } })) byPosition.set(Number(r.position), r);
  }
  return positions.flatMap((p) => byPosition.get(p) ?? []);
}

/**
 * The correlation ids this user's events carry, those of their newest events first (at most
 * `limit`): what joins the events of theirs that carry no user id. One GROUP BY on the user index.
 */
export async function readCorrelationIdsOfUser(store: Store, userid: string, limit = 500): Promise<string[]> {
  const rows = await store.db.storedEvent.groupBy({
    by: ["correlationid"],
    where: { userid, correlationid: { not: null } },
    orderBy: { _max: { position: "desc" } },
    take: limit,
  });
  return rows.flatMap((r) => (r.correlationid === null ? [] : [r.correlationid]));
}

/** The newest event of each of these streams, for those that exist: two statements, whatever the number. */
export async function readLastEventsOf(store: Store, streams: readonly string[]): Promise<StoredEvent[]> {
  if (streams.length === 0) return [];
  const heads = await store.db.$queryRaw<StreamVersionRow[]>(streamVersionsQuery(dialectOf(store.target.provider), [...new Set(streams)]));
  const found = heads.filter((h) => h.version !== null);
  if (found.length === 0) return [];
  return store.db.storedEvent.findMany({ where: { OR: found.map((h) => ({ stream: h.stream, streamVersion: Number(h.version) })) } });
}
