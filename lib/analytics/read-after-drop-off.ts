import type { Store } from "../db/prisma";
import { decodeJson } from "../db/sql";
import { type CohortSession, type FollowUp, followUps } from "./after-drop-off";
import type { DayRange } from "./range";

// The store's side of "what came after a drop-off": the drop-off sessions of a funnel step, and
// the later sessions of their customers. Reads the sessions' read model only, never events.

/** Customers (or sessions) per read: bound parameters stay far below SQLite's and PostgreSQL's limits. */
const CHUNK = 500;

// Without the analytics facts: parsing every later session's JSON was most of the time. On the demo world (2,000 users, 30 days,
// SQLite), the 1,719 customers who dropped off after "Viewed an offer" took 79 + 458 ms (drop-offs + later sessions) reading the facts
// of every session, 50 + 137 ms reading only their next sessions' facts (the paths).
const SELECT = { id: true, userId: true, startedAt: true, lastEventAt: true, outcome: true } as const;

type Row = { id: string; userId: string | null; startedAt: Date; lastEventAt: Date; outcome: string };

const toCohortSession = (r: Row): CohortSession => ({
  id: r.id,
  userId: r.userId,
  startedAt: r.startedAt.getTime(),
  lastEventAt: r.lastEventAt.getTime(),
  outcome: r.outcome,
  path: [],
});

/** The paths of some sessions (by id), from their analytics facts. */
async function readPaths(store: Store, sessions: readonly CohortSession[]): Promise<Map<string, string[]>> {
  const paths = new Map<string, string[]>();
  for (let i = 0; i < sessions.length; i += CHUNK) {
    const rows = await store.db.session.findMany({
      where: { id: { in: sessions.slice(i, i + CHUNK).map((s) => s.id) } },
      select: { id: true, analytics: true },
    });
    for (const r of rows) {
      const facts = r.analytics === null ? null : decodeJson<{ path?: string[] }>(r.analytics);
      if (facts?.path && facts.path.length > 0) paths.set(r.id, facts.path);
    }
  }
  return paths;
}

/**
 * The funnel's drop-offs at a step (1-based depth): sessions of the journey that started in the
 * range, reached exactly `depth` steps in order and ended without completing (a drop reason; never
 * a live session). The same sessions as the funnel's "dropped off here" and its drill-down.
 */
export async function readDropOffSessions(store: Store, journey: string, range: DayRange, depth: number): Promise<CohortSession[]> {
  const rows = await store.db.session.findMany({
    where: { journey, analyticsDay: { gte: range.from, lte: range.to }, funnelDepth: depth, dropReason: { not: null } },
    select: SELECT,
  });
  return rows.map(toCohortSession);
}

/** Sessions by id (any order, any number) as a cohort: a segment's sessions, whatever query chose them. */
export async function readCohortSessions(store: Store, ids: readonly string[]): Promise<CohortSession[]> {
  const out: CohortSession[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const rows = await store.db.session.findMany({ where: { id: { in: ids.slice(i, i + CHUNK) } }, select: SELECT });
    out.push(...rows.map(toCohortSession));
  }
  return out;
}

/**
 * Each customer's follow-up after their first drop-off among `dropOffs`, whatever chose those
 * sessions (a funnel step's drop-offs, or a segment's sessions). Reads the customers' sessions of
 * the journey that start no earlier than the earliest drop-off, by the (user_id, started_at) index.
 */
export async function readFollowUps(store: Store, journey: string, dropOffs: readonly CohortSession[]): Promise<FollowUp[]> {
  const customers = [...new Set(dropOffs.flatMap((s) => (s.userId === null ? [] : [s.userId])))].sort();
  if (customers.length === 0) return [];
  // A loop, not Math.min(...): a large cohort would overflow the call's arguments.
  const since = new Date(dropOffs.reduce((min, s) => Math.min(min, s.startedAt), Number.POSITIVE_INFINITY));
  const later: CohortSession[] = [];
  for (let i = 0; i < customers.length; i += CHUNK) {
    const rows = await store.db.session.findMany({
      where: { journey, userId: { in: customers.slice(i, i + CHUNK) }, startedAt: { gte: since } },
      select: SELECT,
    });
    later.push(...rows.map(toCohortSession));
  }
  const all = followUps(dropOffs, later);
  const paths = await readPaths(
    store,
    all.flatMap((f) => (f.next ? [f.next.session] : [])),
  );
  // Facts stored before paths existed: the ending alone, so the session still has a path to count under.
  const withPath = (s: CohortSession) => ({ ...s, path: paths.get(s.id) ?? [`end:${s.outcome}`] });
  return all.map((f) => ({ ...f, next: f.next && { ...f.next, session: withPath(f.next.session) } }));
}
