import type { Store } from "../db/prisma";
import { sql, toMs } from "../db/sql";
import { resumeOfSession } from "../resume/find-resume";
import type { JourneyResume } from "../resume/journey-resume";
import type { Session } from "../sessions/read-sessions";

/** How many stopped sessions the agent's start page lists at a time. */
export const WORK_QUEUE_LIMIT = 20;
/** How many resume checks run at once: each is a few indexed reads. */
const CHECKS_AT_ONCE = 8;
/** How many candidates the queue looks through at most: the newest stops, as an agent works them. */
const CANDIDATES_AT_MOST = 5000;

/** A candidate as the queue's query finds it: enough to order and page it, without its state. */
export interface QueueCandidate {
  id: string;
  lastEventAt: number;
}

/**
 * The candidates for the agent's work queue, for every journey alike: sessions of a known customer
 * that stopped (ended, with a drop reason) at a resume point, newest stop first. Only what the
 * customer's page would offer to resume: the customer's latest ended session with a resume point
 * (lib/resume/find-resume.ts latestResume), and not one whose journey the customer completed in a
 * later session. Built from the read models' drop reasons and resume points only.
 */
export async function selectWorkQueueCandidates(store: Store, limit = CANDIDATES_AT_MOST): Promise<QueueCandidate[]> {
  const rows = await store.db.$queryRaw<{ id: string; last_event_at: unknown }[]>(sql`SELECT s."id", s."last_event_at" FROM "sessions" s
    WHERE s."user_id" IS NOT NULL AND s."end_reason" <> 'open' AND s."drop_reason" IS NOT NULL AND s."resume_point" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "sessions" l WHERE l."user_id" = s."user_id" AND l."id" <> s."id" AND l."started_at" > s."started_at"
        AND ((l."resume_point" IS NOT NULL AND l."end_reason" <> 'open') OR (l."journey" = s."journey" AND l."outcome" = 'completed')))
    ORDER BY s."last_event_at" DESC, s."id" DESC LIMIT ${limit}`);
  return rows.map((r) => ({ id: r.id, lastEventAt: toMs(r.last_event_at) }));
}

/** The candidates' sessions, in the candidates' order. */
async function sessionsOf(store: Store, candidates: QueueCandidate[]): Promise<Session[]> {
  if (candidates.length === 0) return [];
  const order = new Map(candidates.map((c, i) => [c.id, i]));
  const sessions = await store.db.session.findMany({ where: { id: { in: candidates.map((c) => c.id) } } });
  return sessions.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

/** The candidates as whole sessions, newest stop first (what the tests compare with a plain loop). */
export async function selectWorkQueue(store: Store, limit = CANDIDATES_AT_MOST): Promise<Session[]> {
  return sessionsOf(store, await selectWorkQueueCandidates(store, limit));
}

export interface QueuedSession {
  session: Session;
  /** what remains at `now`, judged as the customer page's Resume card judges it */
  resume: JourneyResume;
}

/** Where a page of the queue ends and how many were listed before it, so the next page says "21–40". */
export interface QueueCursor {
  at: number;
  id: string;
  listed: number;
}

/** A cursor as it arrives in a URL: checked at the edge, so a hand-edited one is refused, not misread. */
export const QUEUE_CURSOR = /^\d{1,15}~\d{1,6}~[A-Za-z0-9._:/-]{1,200}$/;
export const queueCursorText = (c: QueueCursor) => `${c.at}~${c.listed}~${c.id}`;
export function parseQueueCursor(text: string): QueueCursor {
  const [at, listed] = text.split("~", 2).map(Number);
  return { at: at!, listed: listed!, id: text.slice(text.indexOf("~", text.indexOf("~") + 1) + 1) };
}

const isAfter = (c: QueueCandidate, cursor: QueueCursor | undefined) =>
  !cursor || c.lastEventAt < cursor.at || (c.lastEventAt === cursor.at && c.id < cursor.id);

/**
 * A page of the work queue at `now`. Each candidate is judged by the very function the customer
 * page's Resume card and "Create a resume link" use (resumeOfSession), so what the queue says
 * remains is what the card says, and a session it says can no longer be continued is not listed
 * (its link would be refused). Only as many candidates are judged as the page needs, newest first,
 * plus one more found to know whether a next page exists: judging all of them (1,600 on the demo)
 * took seconds per load. So the page knows exactly how many candidates stopped (`stopped`), and
 * that at most that many can be continued, not the exact number that can.
 */
export async function workQueueAt(
  store: Store,
  now: number,
  page: { limit?: number; after?: string } = {},
): Promise<{ items: QueuedSession[]; stopped: number; from: number; next: string | null }> {
  const limit = page.limit ?? WORK_QUEUE_LIMIT;
  const cursor = page.after === undefined ? undefined : parseQueueCursor(page.after);
  const candidates = await selectWorkQueueCandidates(store);
  const rest = candidates.filter((c) => isAfter(c, cursor));
  const found: QueuedSession[] = [];
  for (let i = 0; i < rest.length && found.length <= limit; i += CHECKS_AT_ONCE) {
    const sessions = await sessionsOf(store, rest.slice(i, i + CHECKS_AT_ONCE));
    const judged = await Promise.all(
      sessions.map(async (session) => {
        const resume = (await resumeOfSession(store, session, now))?.answer.resume;
        return resume?.canContinue ? { session, resume } : null;
      }),
    );
    found.push(...judged.filter((q): q is QueuedSession => q !== null));
  }
  const items = found.slice(0, limit);
  const from = cursor?.listed ?? 0;
  const last = items.at(-1);
  const next =
    found.length > limit && last ? queueCursorText({ at: last.session.lastEventAt.getTime(), id: last.session.id, listed: from + items.length }) : null;
  return { items, stopped: candidates.length, from, next };
}
