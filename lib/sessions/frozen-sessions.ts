import type { Store } from "../db/prisma";
import { ident } from "../db/names";
import { selectIn } from "../db/rows";
import { decodeJson, sql, type Tx } from "../db/sql";
import { LIVE_TABLES, type ReadModelTables, type ReadModelTx } from "./read-model-tables";

/**
 * The ids of frozen sessions: those that held a purged event (by their tombstones) and those an
 * erasure froze (frozen_sessions), as one subquery.
 */
const FROZEN_IDS = sql`SELECT "session_id" FROM "event_tombstones" WHERE "session_id" IS NOT NULL UNION SELECT "session_id" FROM "frozen_sessions"`;

/**
 * A session that held an event a retention purge removed is frozen: its stored row, blocks and
 * analytics facts are what is left of it, and no fold may replace them, because the events that
 * made them are gone (docs/retention-read-models.md). These are the store reads and the one copy
 * the projector and a new generation need for that.
 */

/** Which of these session ids are frozen (event_tombstones.session_id is indexed, frozen_sessions keyed by it). */
export async function frozenAmong({ tx, provider }: ReadModelTx, ids: readonly string[]): Promise<Set<string>> {
  const [purged, erased] = await Promise.all([
    selectIn<{ session_id: string }>(tx, provider, sql`SELECT DISTINCT "session_id" FROM "event_tombstones"`, "session_id", ids),
    selectIn<{ session_id: string }>(tx, provider, sql`SELECT "session_id" FROM "frozen_sessions"`, "session_id", ids),
  ]);
  return new Set([...purged, ...erased].map((r) => r.session_id));
}

/**
 * Of a page's positions, those a frozen session of these tables already holds: a generation
 * being built starts with the live generation's frozen sessions copied in (their blocks hold the
 * positions that remain), so reading those events again must not fold them into a new session.
 * The live tables never hold a position ahead of their checkpoint, so they are not asked.
 */
export async function frozenPositionsIn({ tx, tables }: ReadModelTx, positions: readonly number[]): Promise<Set<number>> {
  if (positions.length === 0 || tables.sessions === LIVE_TABLES.sessions) return new Set();
  // Not bounded by first_position: that is the session's earliest event by time, and an event
  // delivered late is appended after the ones that followed it, so a session can hold positions
  // below it. last_position is the highest position it holds.
  const low = Math.min(...positions);
  const rows = await tx.$queryRaw<{ positions: unknown }[]>(sql`SELECT b."positions" FROM ${ident(tables.sessionBlocks)} b
    JOIN ${ident(tables.sessions)} s ON s."id" = b."session_id"
    WHERE s."last_position" >= ${low}
      AND s."id" IN (${FROZEN_IDS})`);
  const wanted = new Set(positions);
  return new Set(rows.flatMap((r) => decodeJson<number[]>(r.positions)).filter((p) => wanted.has(p)));
}

/**
 * Copies the live generation's frozen sessions, with their blocks, into a new generation's
 * tables: a re-fold cannot make them again from the events that remain, so it keeps them as they
 * are, with the same ids and facts (its daily counters and user summaries are recomputed from its
 * sessions, these included). Answers how many sessions it copied.
 */
export async function copyFrozenSessions(tx: Tx, to: ReadModelTables): Promise<number> {
  const frozen = FROZEN_IDS;
  const copied = await tx.$executeRaw(sql`INSERT INTO ${ident(to.sessions)} SELECT * FROM ${ident(LIVE_TABLES.sessions)} WHERE "id" IN (${frozen})`);
  await tx.$executeRaw(sql`INSERT INTO ${ident(to.sessionBlocks)} SELECT * FROM ${ident(LIVE_TABLES.sessionBlocks)} WHERE "session_id" IN (${frozen})`);
  return copied;
}

/** A frozen session as a fold in memory takes it: where it starts, what it holds, and its stored fold. */
export interface FrozenSession {
  firstPosition: number;
  positions: number[];
  journey: string;
  userId: string | null;
  day: string;
  outcome: string;
  outcomeLabel: string;
  lastStep: string;
  stepsReached: number;
  facts: unknown;
}

/**
 * The live generation's frozen sessions with their positions: a fold in memory (a what-if) takes
 * them as stored instead of folding what remains of them, as a new generation does.
 */
export async function readFrozenSessions(store: Store): Promise<FrozenSession[]> {
  const ids = (await store.db.$queryRaw<{ session_id: string }[]>(FROZEN_IDS)).map((r) => r.session_id);
  if (ids.length === 0) return [];
  const [rows, blocks] = await Promise.all([
    store.db.session.findMany({ where: { id: { in: ids } } }),
    store.db.sessionBlock.findMany({ where: { sessionId: { in: ids } }, orderBy: [{ sessionId: "asc" }, { block: "asc" }] }),
  ]);
  const positions = new Map<string, number[]>();
  for (const b of blocks) positions.set(b.sessionId, [...(positions.get(b.sessionId) ?? []), ...decodeJson<number[]>(b.positions)]);
  return rows.map((r) => ({
    firstPosition: Number(r.firstPosition),
    positions: positions.get(r.id) ?? [],
    journey: r.journey,
    userId: r.userId,
    day: r.analyticsDay ?? r.startedAt.toISOString().slice(0, 10),
    outcome: r.outcome,
    outcomeLabel: r.outcomeLabel ?? r.outcome,
    lastStep: r.lastStep,
    stepsReached: r.funnelDepth ?? 0,
    facts: r.analytics === null ? null : decodeJson(r.analytics),
  }));
}
