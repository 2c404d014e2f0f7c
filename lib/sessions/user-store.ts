import { dialectOf, inList } from "../db/dialect";
import { jsonRowsInsert, type Columns } from "../db/json-rows";
import { deleteIn, insertRows } from "../db/rows";
import { ident } from "../db/names";
import { decodeJson, sql, toMs } from "../db/sql";
import type { ResumePoint, SearchTerm } from "../journeys/journey-definition";
import type { ReadModelTx } from "./read-model-tables";
import { summariseUser, type SummarisedSession } from "./user-summary";

/** A search term of a user, and its kind ("user" for the user id itself; see SearchTerm). */
export type SearchTermRow = [term: string, userId: string, kind: SearchTerm["kind"] | "user"];

/**
 * The longest term kept, in UTF-8 bytes: a search is at most 200 characters (800 bytes), and
 * PostgreSQL refuses an index entry over about 2,700 bytes (term and user id, the id at most
 * 1,024): a longer name in some event's data failed the whole projector page.
 */
const MAX_TERM_BYTES = 800;

const TERM_COLUMNS: Columns = [
  ["term", "text"],
  ["user_id", "text"],
  ["kind", "text"],
];

export async function saveSearchTerms({ tx, provider, tables }: ReadModelTx, terms: readonly SearchTermRow[]): Promise<void> {
  const searchable = terms.filter((t) => Buffer.byteLength(t[0]) <= MAX_TERM_BYTES);
  if (searchable.length === 0) return;
  const unique = [...new Map(searchable.map((t) => [`${t[0]}\u0000${t[1]}`, t])).values()];
  await tx.$executeRaw(jsonRowsInsert(dialectOf(provider), tables.userSearchTerms, TERM_COLUMNS, unique, { ignoreExisting: true, ordered: false }));
}

const SUMMARY_COLUMNS: Columns = [
  ["user_id", "text"],
  ["session_count", "integer"],
  ["first_seen", "timestamp"],
  ["last_seen", "timestamp"],
  ["last_outcome", "text"],
  ["open_booking", "json"],
  ["display_name", "text"],
];

interface SessionOfUser {
  user_id: string;
  id: string;
  journey: string;
  started_at: unknown;
  last_event_at: unknown;
  outcome: string;
  resume_point: unknown;
  person_name: string | null;
}

const summarised = (s: SessionOfUser): SummarisedSession => ({
  id: s.id,
  journey: s.journey,
  startedAt: toMs(s.started_at),
  lastEventAt: toMs(s.last_event_at),
  outcome: s.outcome,
  resumePoint: decodeJson<ResumePoint | null>(s.resume_point),
  personName: s.person_name,
});

/** Recomputes the summaries of these users from their sessions (lib/sessions/user-summary.ts). */
export async function refreshUserSummaries(m: ReadModelTx, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const { tx, provider, tables } = m;
  const sessions = await tx.$queryRaw<SessionOfUser[]>(sql`SELECT "user_id", "id", "journey", "started_at", "last_event_at", "outcome",
    "resume_point", "person_name" FROM ${ident(tables.sessions)} WHERE ${inList(dialectOf(provider), sql`"user_id"`, userIds)}`);
  const byUser = new Map<string, SummarisedSession[]>();
  for (const s of sessions) {
    const list = byUser.get(s.user_id);
    if (list) list.push(summarised(s));
    else byUser.set(s.user_id, [summarised(s)]);
  }
  await deleteIn(tx, provider, tables.userSummaries, "user_id", userIds);
  const rows = userIds.flatMap((userId) => {
    const u = summariseUser(userId, byUser.get(userId) ?? []);
    return u ? [[u.userId, u.sessionCount, u.firstSeen, u.lastSeen, u.lastOutcome, u.openBooking, u.displayName]] : [];
  });
  await insertRows(tx, provider, tables.userSummaries, SUMMARY_COLUMNS, rows);
}

/** Users with sessions but no summary (a rebuild that stopped before its last step): summarised now. */
export async function repairUserSummaries(m: ReadModelTx): Promise<number> {
  const { sessions, userSummaries } = m.tables;
  const rows = await m.tx.$queryRaw<{ user_id: string }[]>(
    sql`SELECT DISTINCT s."user_id" FROM ${ident(sessions)} s LEFT JOIN ${ident(userSummaries)} u ON u."user_id" = s."user_id"
      WHERE s."user_id" IS NOT NULL AND u."user_id" IS NULL`,
  );
  const users = rows.map((r) => r.user_id);
  for (let i = 0; i < users.length; i += 5_000) await refreshUserSummaries(m, users.slice(i, i + 5_000));
  return users.length;
}
