import type { Store } from "../db/prisma";
import { sql } from "../db/sql";
import { resumeOfSession } from "../resume/find-resume";
import type { JourneyResume } from "../resume/journey-resume";
import type { Session } from "../sessions/read-sessions";

/** How many stopped sessions the agent's start page lists at a time. */
export const WORK_QUEUE_LIMIT = 20;
/** How many resume checks run at once: each is a few indexed reads. */
const CHECKS_AT_ONCE = 8;

/**
 * The candidates for the agent's work queue, for every journey alike: sessions of a known customer
 * that stopped (ended, with a drop reason) at a resume point, newest stop first. Only what the
 * customer's page would offer to resume: the customer's latest ended session with a resume point
 * (lib/resume/find-resume.ts latestResume), and not one whose journey the customer completed in a
 * later session. Built from the read models' drop reasons and resume points only.
 */
export async function selectWorkQueue(store: Store, limit = 1000): Promise<Session[]> {
  const rows = await store.db.$queryRaw<{ id: string }[]>(sql`SELECT s."id" FROM "sessions" s
    WHERE s."user_id" IS NOT NULL AND s."end_reason" <> 'open' AND s."drop_reason" IS NOT NULL AND s."resume_point" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "sessions" l WHERE l."user_id" = s."user_id" AND l."id" <> s."id" AND l."started_at" > s."started_at"
        AND ((l."resume_point" IS NOT NULL AND l."end_reason" <> 'open') OR (l."journey" = s."journey" AND l."outcome" = 'completed')))
    ORDER BY s."last_event_at" DESC, s."id" DESC LIMIT ${limit}`);
  if (rows.length === 0) return [];
  const order = new Map(rows.map((r, i) => [r.id, i]));
  const sessions = await store.db.session.findMany({ where: { id: { in: rows.map((r) => r.id) } } });
  return sessions.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export interface QueuedSession {
  session: Session;
  /** what remains at `now`, judged as the customer page's Resume card judges it */
  resume: JourneyResume;
}

/** Where a page of the queue ends: the last item's stop time and session id (newest first, so the next page is older). */
export const queueCursorOf = (s: Session) => `${s.lastEventAt.getTime()}~${s.id}`;
/** A cursor as it arrives in a URL: checked at the edge, so a hand-edited one is refused, not misread. */
export const QUEUE_CURSOR = /^\d{1,15}~[A-Za-z0-9._:/-]{1,200}$/;

function isAfterCursor(s: Session, cursor: string | undefined): boolean {
  if (!cursor) return true;
  const [at, id] = [Number(cursor.slice(0, cursor.indexOf("~"))), cursor.slice(cursor.indexOf("~") + 1)];
  const t = s.lastEventAt.getTime();
  return t < at || (t === at && s.id < id);
}

/**
 * The work queue at `now`: each candidate judged by the very function the customer page's Resume
 * card and "Create a resume link" use (resumeOfSession), so what the queue says remains is what
 * the card says, and a session it says can no longer be continued is not listed (its link would
 * be refused). The total counts every session that passes; `after` is the cursor of the last item
 * shown, `from` how many come before this page, and `next` the cursor for the page after this one
 * (null on the last page).
 */
export async function workQueueAt(
  store: Store,
  now: number,
  page: { limit?: number; after?: string } = {},
): Promise<{ items: QueuedSession[]; total: number; from: number; next: string | null }> {
  const limit = page.limit ?? WORK_QUEUE_LIMIT;
  const candidates = await selectWorkQueue(store, 5000);
  const judged: (QueuedSession | null)[] = [];
  for (let i = 0; i < candidates.length; i += CHECKS_AT_ONCE) {
    const batch = candidates.slice(i, i + CHECKS_AT_ONCE);
    judged.push(
      ...(await Promise.all(
        batch.map(async (session) => {
          const found = await resumeOfSession(store, session, now);
          return found?.answer.resume.canContinue ? { session, resume: found.answer.resume } : null;
        }),
      )),
    );
  }
  const open = judged.filter((q): q is QueuedSession => q !== null);
  const rest = open.filter((q) => isAfterCursor(q.session, page.after));
  const items = rest.slice(0, limit);
  const last = items.at(-1);
  return { items, total: open.length, from: open.length - rest.length, next: rest.length > limit && last ? queueCursorOf(last.session) : null };
}
