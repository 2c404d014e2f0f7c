import type { Store } from "../db/prisma";
import { sql } from "../db/sql";
import type { Session } from "../sessions/read-sessions";

/** How many stopped sessions the agent's start page lists. */
export const WORK_QUEUE_LIMIT = 20;

/**
 * The agent's work queue, for every journey alike: sessions of a known customer that stopped
 * (ended, with a drop reason) at a resume point, newest stop first. Only what the customer's page
 * would offer to resume is listed, so the queue and the page agree: the customer's latest ended
 * session with a resume point (lib/resume/find-resume.ts latestResume), and not one whose journey
 * the customer completed in a later session (completedSince). Built from the read models' drop
 * reasons and resume points only: no journey's own code decides what is on it.
 */
export async function selectWorkQueue(store: Store, limit = WORK_QUEUE_LIMIT): Promise<Session[]> {
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
