import type { SessionFacts } from "../analytics/session-facts";
import { dialectOf } from "../db/dialect";
import type { Columns } from "../db/json-rows";
import { deleteIn, insertRows, selectIn } from "../db/rows";
import { decodeJson, sql, type Provider, type Tx } from "../db/sql";
import type { IdleSession, ClosedSession } from "./projector/close-idle";
import { SNAPSHOT_EVERY } from "./session-block";
import type { SessionRecord } from "./summarise";

export interface StoredSessionRow {
  id: string;
  person: string;
  started_at: unknown;
  last_event_at: unknown;
  producer_session_id: string | null;
}

/**
 * The sessions a person's new events could touch: any that ended within the timeout before the
 * earliest new event or later, and any with a producer session id among the new events'.
 */
export async function loadTouchedSessions(
  tx: Tx,
  provider: Provider,
  windows: readonly { person: string; since: number; producerIds: string[] }[],
): Promise<StoredSessionRow[]> {
  if (windows.length === 0) return [];
  const d = dialectOf(provider);
  const w = d.jsonElements(d.json(windows.map((x) => [x.person, d.encodeDate(x.since), x.producerIds])), "w");
  return tx.$queryRaw<StoredSessionRow[]>(sql`SELECT s."id", s."person", s."started_at", s."last_event_at", s."producer_session_id"
    FROM ${w} JOIN "sessions" s ON s."person" = w."value" ->> 0
    WHERE s."last_event_at" >= ${d.cast(sql`w."value" ->> 1`, "timestamp")} OR ${d.inJsonArray(sql`s."producer_session_id"`, sql`w."value" -> 2`)}`);
}

export async function loadSessionsOfPersons(tx: Tx, provider: Provider, persons: readonly string[]): Promise<StoredSessionRow[]> {
  const select = sql`SELECT "id", "person", "started_at", "last_event_at", "producer_session_id" FROM "sessions"`;
  return selectIn<StoredSessionRow>(tx, provider, select, "person", persons);
}

/** The positions of these sessions' events, in session order. */
export async function loadSessionPositions(tx: Tx, provider: Provider, sessionIds: readonly string[]): Promise<Map<string, number[]>> {
  const rows = await selectIn<{ session_id: string; block: number | bigint; positions: unknown }>(
    tx,
    provider,
    sql`SELECT "session_id", "block", "positions" FROM "session_blocks"`,
    "session_id",
    sessionIds,
  );
  rows.sort((a, b) => (a.session_id < b.session_id ? -1 : a.session_id > b.session_id ? 1 : Number(a.block) - Number(b.block)));
  const out = new Map<string, number[]>();
  for (const r of rows) {
    const positions = decodeJson<number[]>(r.positions);
    const list = out.get(r.session_id);
    if (list) list.push(...positions);
    else out.set(r.session_id, [...positions]);
  }
  return out;
}

export async function loadExistingIds(tx: Tx, provider: Provider, ids: readonly string[]): Promise<string[]> {
  const rows = await selectIn<{ id: string }>(tx, provider, sql`SELECT "id" FROM "sessions"`, "id", ids);
  return rows.map((r) => r.id);
}

export async function deleteSessions(tx: Tx, provider: Provider, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await deleteIn(tx, provider, "session_blocks", "session_id", ids);
  await deleteIn(tx, provider, "sessions", "id", ids);
}

const SESSION_COLUMNS: Columns = [
  ["id", "text"],
  ["person", "text"],
  ["user_id", "text"],
  ["anonymous_id", "text"],
  ["journey", "text"],
  ["started_at", "timestamp"],
  ["ended_at", "timestamp"],
  ["last_event_at", "timestamp"],
  ["end_reason", "text"],
  ["outcome", "text"],
  ["outcome_label", "text"],
  ["event_count", "integer"],
  ["duration_ms", "bigint"],
  ["last_step", "text"],
  ["resume_point", "json"],
  ["final_state", "json"],
  ["producer_session_id", "text"],
  ["first_position", "bigint"],
  ["last_position", "bigint"],
  ["person_name", "text"],
  ["analytics", "json"],
  ["analytics_day", "text"],
  ["funnel_depth", "integer"],
  ["drop_reason", "text"],
];

const BLOCK_COLUMNS: Columns = [
  ["session_id", "text"],
  ["block", "integer"],
  ["positions", "json"],
  ["state", "json"],
];

/** A session's blocks: SNAPSHOT_EVERY positions each, and the state before the block's first event. */
function blocksOf(r: SessionRecord): unknown[][] {
  const states = new Map(r.snapshots.map((snapshot) => [snapshot.seq, snapshot.state]));
  const blocks: unknown[][] = [];
  for (let seq = 0; seq < r.positions.length; seq += SNAPSHOT_EVERY) {
    blocks.push([r.id, seq / SNAPSHOT_EVERY, r.positions.slice(seq, seq + SNAPSHOT_EVERY), seq === 0 ? null : states.get(seq)]);
  }
  return blocks;
}

export async function insertSessions(tx: Tx, provider: Provider, records: readonly SessionRecord[]): Promise<void> {
  if (records.length === 0) return;
  // An id that was an alias and names a session again (a split undone) stops being an alias.
  await deleteIn(
    tx,
    provider,
    "session_aliases",
    "alias",
    records.map((r) => r.id),
  );
  await insertRows(
    tx,
    provider,
    "sessions",
    SESSION_COLUMNS,
    records.map((r) => [
      r.id,
      r.person,
      r.userId,
      r.anonymousId,
      r.journey,
      r.startedAt,
      r.endedAt,
      r.lastEventAt,
      r.endReason,
      r.outcome,
      r.outcomeLabel,
      r.eventCount,
      r.durationMs,
      r.lastStep,
      r.resumePoint,
      r.finalState,
      r.producerSessionId,
      r.firstPosition,
      r.lastPosition,
      r.personName,
      r.facts,
      r.facts.day,
      r.facts.depth,
      r.facts.dropReason,
    ]),
  );
  await insertRows(tx, provider, "session_blocks", BLOCK_COLUMNS, records.flatMap(blocksOf));
}

/** Old ids keep resolving: new aliases, and aliases that pointed at a now-merged id follow it. */
export async function saveAliases(tx: Tx, provider: Provider, aliases: readonly { alias: string; target: string }[]): Promise<void> {
  for (const { alias, target } of aliases) {
    await tx.$executeRaw(sql`UPDATE "session_aliases" SET "session_id" = ${target} WHERE "session_id" = ${alias}`);
  }
  if (aliases.length === 0) return;
  await deleteIn(
    tx,
    provider,
    "session_aliases",
    "alias",
    aliases.map((a) => a.alias),
  );
  await insertRows(
    tx,
    provider,
    "session_aliases",
    [
      ["alias", "text"],
      ["session_id", "text"],
    ],
    aliases.map((a) => [a.alias, a.target]),
  );
}

/** Open sessions whose last event is older than `idleBefore`. */
export async function loadIdleSessions(tx: Tx, provider: Provider, idleBefore: number): Promise<IdleSession[]> {
  const rows = await tx.$queryRaw<
    { id: string; journey: string; final_state: unknown; user_id: string | null; analytics: unknown; analytics_day: string | null }[]
  >(
    sql`SELECT "id", "journey", "final_state", "user_id", "analytics", "analytics_day" FROM "sessions"
      WHERE "end_reason" = 'open' AND "last_event_at" < ${dialectOf(provider).encodeDate(idleBefore)}`,
  );
  return rows.map((r) => ({
    id: r.id,
    journey: r.journey,
    finalState: decodeJson(r.final_state),
    userId: r.user_id,
    facts: r.analytics ? decodeJson<SessionFacts>(r.analytics) : null,
    day: r.analytics_day,
  }));
}

/** Closes sessions as timed out (ended at their last event) with the outcome and facts given. */
export async function markTimedOut(tx: Tx, provider: Provider, closed: readonly ClosedSession[]): Promise<void> {
  const d = dialectOf(provider);
  for (const c of closed) {
    await tx.$executeRaw(sql`UPDATE "sessions" SET "end_reason" = 'timed_out', "ended_at" = "last_event_at", "outcome" = ${c.outcome},
      "outcome_label" = ${c.outcomeLabel}, "analytics" = ${d.json(c.facts)}, "drop_reason" = ${c.facts?.dropReason ?? null} WHERE "id" = ${c.id}`);
  }
}
