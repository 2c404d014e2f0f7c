import { dialectOf, inList } from "../db/dialect";
import { jsonRowsInsert, type Columns } from "../db/json-rows";
import { ident } from "../db/names";
import { decodeJson, sql, toMs, type Provider, type Sql, type Tx } from "../db/sql";
import type { CountedSession } from "../analytics/rollup-store";
import { closedFacts, type SessionFacts } from "../analytics/session-facts";
import type { SearchTerm, SessionOutcome } from "../journeys/journey-definition";
import { SNAPSHOT_EVERY, type SessionRecord } from "./summarise";

export async function lockAndReadCheckpoint(tx: Tx, provider: Provider, name: string): Promise<number> {
  // The write comes first: it serialises projectors across processes (and takes SQLite's write
  // lock before any read, as appends do).
  await tx.$executeRaw(sql`UPDATE "projection_checkpoints" SET "position" = "position" WHERE "name" = ${name}`);
  const rows = await tx.$queryRaw<{ position: number | bigint }[]>(sql`SELECT "position" FROM "projection_checkpoints" WHERE "name" = ${name}`);
  return Number(rows[0]?.position ?? 0);
}

export async function writeCheckpoint(tx: Tx, provider: Provider, name: string, position: number): Promise<void> {
  await tx.$executeRaw(sql`UPDATE "projection_checkpoints" SET "position" = ${position} WHERE "name" = ${name}`);
}

/** Rows of `select` whose `column` is among the values (none for no values). */
async function selectIn<T>(tx: Tx, provider: Provider, select: Sql, column: string, values: readonly string[]): Promise<T[]> {
  if (values.length === 0) return [];
  return tx.$queryRaw<T[]>(sql`${select} WHERE ${inList(dialectOf(provider), ident(column), values)}`);
}

export async function loadLinks(tx: Tx, provider: Provider, anonymousIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ anonymous_id: string; user_id: string }>(
    tx, provider, sql`SELECT "anonymous_id", "user_id" FROM "identity_links"`, "anonymous_id", anonymousIds,
  );
  return new Map(rows.map((r) => [r.anonymous_id, r.user_id]));
}

export async function loadOwners(tx: Tx, provider: Provider, correlationIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ correlation_id: string; person: string }>(
    tx, provider, sql`SELECT "correlation_id", "person" FROM "correlation_owners"`, "correlation_id", correlationIds,
  );
  return new Map(rows.map((r) => [r.correlation_id, r.person]));
}

async function insertRows(tx: Tx, provider: Provider, table: string, columns: Columns, rows: unknown[][]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5_000) {
    await tx.$executeRaw(jsonRowsInsert(dialectOf(provider), table, columns, rows.slice(i, i + 5_000)));
  }
}

async function deleteIn(tx: Tx, provider: Provider, table: string, column: string, values: readonly string[]): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM ${ident(table)} WHERE ${inList(dialectOf(provider), ident(column), values)}`);
}

export async function saveLinks(tx: Tx, provider: Provider, links: readonly [string, string][]): Promise<void> {
  await insertRows(tx, provider, "identity_links", [["anonymous_id", "text"], ["user_id", "text"]], links.map((l) => [...l]));
}

export async function saveOwners(tx: Tx, provider: Provider, owners: readonly [string, string][]): Promise<void> {
  await insertRows(tx, provider, "correlation_owners", [["correlation_id", "text"], ["person", "text"]], owners.map((o) => [...o]));
}

/** Visitors just linked to users: their events and flows are the users' from now on. */
export async function movePersons(tx: Tx, provider: Provider, moves: readonly [from: string, to: string][]): Promise<void> {
  if (moves.length === 0) return;
  const d = dialectOf(provider);
  await tx.$executeRaw(sql`UPDATE "correlation_owners" SET "person" = m."value" ->> 1 FROM ${d.jsonElements(d.json(moves), "m")}
    WHERE "correlation_owners"."person" = m."value" ->> 0`);
}

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

export async function loadSessionPositions(tx: Tx, provider: Provider, sessionIds: readonly string[]): Promise<Map<string, number[]>> {
  const rows = await selectIn<{ session_id: string; block: number | bigint; positions: unknown }>(
    tx, provider, sql`SELECT "session_id", "block", "positions" FROM "session_blocks"`, "session_id", sessionIds,
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

export async function deleteSessions(tx: Tx, provider: Provider, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await deleteIn(tx, provider, "session_blocks", "session_id", ids);
  await deleteIn(tx, provider, "sessions", "id", ids);
}

const SESSION_COLUMNS: Columns = [
  ["id", "text"], ["person", "text"], ["user_id", "text"], ["anonymous_id", "text"], ["journey", "text"],
  ["started_at", "timestamp"], ["ended_at", "timestamp"], ["last_event_at", "timestamp"], ["end_reason", "text"],
  ["outcome", "text"], ["event_count", "integer"], ["duration_ms", "bigint"], ["last_step", "text"],
  ["resume_point", "json"], ["final_state", "json"], ["producer_session_id", "text"], ["first_position", "bigint"],
  ["last_position", "bigint"], ["person_name", "text"], ["analytics", "json"], ["analytics_day", "text"],
  ["funnel_depth", "integer"], ["drop_reason", "text"],
];

export async function insertSessions(tx: Tx, provider: Provider, records: readonly SessionRecord[]): Promise<void> {
  if (records.length === 0) return;
  // An id that was an alias and names a session again (a split undone) stops being an alias.
  await deleteIn(tx, provider, "session_aliases", "alias", records.map((r) => r.id));
  await insertRows(tx, provider, "sessions", SESSION_COLUMNS, records.map((r) => [
    r.id, r.person, r.userId, r.anonymousId, r.journey, r.startedAt, r.endedAt, r.lastEventAt, r.endReason, r.outcome,
    r.eventCount, r.durationMs, r.lastStep, r.resumePoint, r.finalState, r.producerSessionId, r.firstPosition, r.lastPosition,
    r.personName, r.facts, r.facts.day, r.facts.depth, r.facts.dropReason,
  ]));
  await insertRows(
    tx, provider, "session_blocks", [["session_id", "text"], ["block", "integer"], ["positions", "json"], ["state", "json"]],
    records.flatMap((r) => {
      const states = new Map(r.snapshots.map((snapshot) => [snapshot.seq, snapshot.state]));
      const blocks: unknown[][] = [];
      for (let seq = 0; seq < r.positions.length; seq += SNAPSHOT_EVERY) {
        blocks.push([r.id, seq / SNAPSHOT_EVERY, r.positions.slice(seq, seq + SNAPSHOT_EVERY), seq === 0 ? null : states.get(seq)]);
      }
      return blocks;
    }),
  );
}

/** Old ids keep resolving: new aliases, and aliases that pointed at a now-merged id follow it. */
export async function saveAliases(tx: Tx, provider: Provider, aliases: readonly { alias: string; target: string }[]): Promise<void> {
  for (const { alias, target } of aliases) {
    await tx.$executeRaw(sql`UPDATE "session_aliases" SET "session_id" = ${target} WHERE "session_id" = ${alias}`);
  }
  if (aliases.length === 0) return;
  await deleteIn(tx, provider, "session_aliases", "alias", aliases.map((a) => a.alias));
  await insertRows(tx, provider, "session_aliases", [["alias", "text"], ["session_id", "text"]], aliases.map((a) => [a.alias, a.target]));
}

/** A search term of a user, and its kind ("user" for the user id itself; see SearchTerm). */
export type SearchTermRow = [term: string, userId: string, kind: SearchTerm["kind"] | "user"];

/**
 * The longest term kept, in UTF-8 bytes: a search is at most 200 characters (800 bytes), and
 * PostgreSQL refuses an index entry over about 2,700 bytes (term and user id, the id at most
 * 1,024): a longer name in some event's data failed the whole projector page.
 */
const MAX_TERM_BYTES = 800;

const TERM_COLUMNS: Columns = [["term", "text"], ["user_id", "text"], ["kind", "text"]];

export async function saveSearchTerms(tx: Tx, provider: Provider, terms: readonly SearchTermRow[]): Promise<void> {
  const searchable = terms.filter((t) => Buffer.byteLength(t[0]) <= MAX_TERM_BYTES);
  if (searchable.length === 0) return;
  const unique = [...new Map(searchable.map((t) => [`${t[0]}\u0000${t[1]}`, t])).values()];
  await tx.$executeRaw(jsonRowsInsert(dialectOf(provider), "user_search_terms", TERM_COLUMNS, unique, { ignoreExisting: true, ordered: false }));
}

/**
 * Recomputes the summaries of these users from their sessions: counts, first and last seen, the
 * latest outcome, and the open booking (the latest session whose resume point names a booking).
 */
export async function refreshUserSummaries(
  tx: Tx,
  provider: Provider,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  const d = dialectOf(provider);
  const sessions = await tx.$queryRaw<
    { user_id: string; started_at: unknown; last_event_at: unknown; outcome: string; resume_point: unknown; id: string; person_name: string | null }[]
  >(sql`SELECT "user_id", "started_at", "last_event_at", "outcome", "resume_point", "id", "person_name" FROM "sessions"
    WHERE ${inList(d, sql`"user_id"`, userIds)}`);
  const byUser = new Map<string, typeof sessions>();
  for (const s of sessions) {
    const list = byUser.get(s.user_id);
    if (list) list.push(s);
    else byUser.set(s.user_id, [s]);
  }
  await deleteIn(tx, provider, "user_summaries", "user_id", userIds);
  const rows: unknown[][] = [];
  for (const userId of userIds) {
    const list = (byUser.get(userId) ?? []).sort((a, b) => toMs(a.started_at) - toMs(b.started_at));
    if (list.length === 0) continue;
    const latest = list[list.length - 1]!;
    const open = [...list].reverse().find((s) => {
      const rp = decodeJson<{ chosen?: Record<string, string> } | null>(s.resume_point);
      return rp?.chosen?.booking !== undefined;
    });
    const openBooking = open
      ? { sessionId: open.id, ...decodeJson<Record<string, unknown>>(open.resume_point) }
      : null;
    rows.push([
      userId, list.length, Math.min(...list.map((s) => toMs(s.started_at))), Math.max(...list.map((s) => toMs(s.last_event_at))),
      latest.outcome, openBooking, [...list].reverse().find((s) => s.person_name)?.person_name ?? null,
    ]);
  }
  await insertRows(tx, provider, "user_summaries", [
    ["user_id", "text"], ["session_count", "integer"], ["first_seen", "timestamp"], ["last_seen", "timestamp"],
    ["last_outcome", "text"], ["open_booking", "json"], ["display_name", "text"],
  ], rows);
}

export async function closeIdle(
  tx: Tx,
  provider: Provider,
  idleBefore: number,
  outcomeOf: (journey: string, state: unknown) => SessionOutcome,
): Promise<{ closed: number; before: CountedSession[]; after: CountedSession[] }> {
  const d = dialectOf(provider);
  const rows = await tx.$queryRaw<{ id: string; journey: string; final_state: unknown; user_id: string | null; analytics: unknown; analytics_day: string | null }[]>(
    sql`SELECT "id", "journey", "final_state", "user_id", "analytics", "analytics_day" FROM "sessions"
      WHERE "end_reason" = 'open' AND "last_event_at" < ${d.encodeDate(idleBefore)}`,
  );
  const before: CountedSession[] = [];
  const after: CountedSession[] = [];
  for (const r of rows) {
    const state = decodeJson(r.final_state);
    const outcome = outcomeOf(r.journey, state);
    const old = r.analytics ? decodeJson<SessionFacts>(r.analytics) : null;
    const facts = old ? closedFacts(old, r.journey, state, outcome) : null;
    if (old && facts && r.analytics_day) {
      before.push({ day: r.analytics_day, journey: r.journey, userId: r.user_id, outcome: "live", facts: old });
      after.push({ day: r.analytics_day, journey: r.journey, userId: r.user_id, outcome, facts });
    }
    await tx.$executeRaw(sql`UPDATE "sessions" SET "end_reason" = 'timed_out', "ended_at" = "last_event_at", "outcome" = ${outcome},
      "analytics" = ${d.json(facts)}, "drop_reason" = ${facts?.dropReason ?? null} WHERE "id" = ${r.id}`);
  }
  const users = [...new Set(rows.flatMap((r) => (r.user_id ? [r.user_id] : [])))];
  if (users.length > 0) await refreshUserSummaries(tx, provider, users);
  return { closed: rows.length, before, after };
}

export async function loadExistingIds(tx: Tx, provider: Provider, ids: readonly string[]): Promise<string[]> {
  const rows = await selectIn<{ id: string }>(tx, provider, sql`SELECT "id" FROM "sessions"`, "id", ids);
  return rows.map((r) => r.id);
}

/** Users with sessions but no summary (a rebuild that stopped before its last step): summarised now. */
export async function repairUserSummaries(tx: Tx, provider: Provider): Promise<number> {
  const rows = await tx.$queryRaw<{ user_id: string }[]>(
    sql`SELECT DISTINCT s."user_id" FROM "sessions" s LEFT JOIN "user_summaries" u ON u."user_id" = s."user_id"
      WHERE s."user_id" IS NOT NULL AND u."user_id" IS NULL`,
  );
  const users = rows.map((r) => r.user_id);
  for (let i = 0; i < users.length; i += 5_000) await refreshUserSummaries(tx, provider, users.slice(i, i + 5_000));
  return users.length;
}
