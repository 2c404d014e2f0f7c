import type { Store } from "../db/prisma";
import { resumeOfSession } from "../resume/find-resume";
import type { JourneyResume } from "../resume/journey-resume";
import type { Session } from "../sessions/read-sessions";

/** How many fired alerts the agents' start page shows; and how many it looks through to find them. */
export const QUEUED_ALERTS = 10;
const LOOKED_THROUGH = 50;

export interface QueuedAlert {
  alertId: string;
  ruleName: string;
  occurredAt: Date;
  session: Session;
  resume: JourneyResume;
}

/**
 * The fired alerts an agent should follow up, newest first: each judged at `now` by the customer
 * page's own resume check (as the work queue is), and left out once it can no longer be continued
 * or the customer has come back to the journey since; a session once, by its newest alert. Lazy like the queue: only the newest
 * LOOKED_THROUGH alerts are judged, and only until the page is full.
 */
export async function queuedAlertsAt(store: Store, now: number, limit = QUEUED_ALERTS): Promise<QueuedAlert[]> {
  const alerts = await store.db.alert.findMany({
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: LOOKED_THROUGH,
    include: { rule: { select: { name: true } } },
  });
  const sessions = new Map((await store.db.session.findMany({ where: { id: { in: alerts.map((a) => a.sessionId) } } })).map((s) => [s.id, s]));
  const found: QueuedAlert[] = [];
  const listed = new Set<string>();
  for (const alert of alerts) {
    if (found.length >= limit) break;
    const session = sessions.get(alert.sessionId);
    // One row per session: two rules that fired for it are one journey to follow up (the newest alert names it).
    if (!session || listed.has(session.id)) continue;
    listed.add(session.id);
    const later = await store.db.session.findFirst({
      where: { userId: session.userId, journey: session.journey, id: { not: session.id }, lastPosition: { gt: session.lastPosition } },
      select: { id: true },
    });
    if (later) continue;
    const resume = (await resumeOfSession(store, session, now))?.answer.resume;
    if (resume?.canContinue) found.push({ alertId: alert.id, ruleName: alert.rule.name, occurredAt: alert.occurredAt, session, resume });
  }
  return found;
}
