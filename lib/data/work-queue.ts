import "server-only";
import type { Viewer } from "../access/viewer";
import { AUDIT_SOURCE, auditStream, type AuditRecord } from "../audit/audit-event";
import { getReadStore } from "../db/read-store";
import { readFeedBackward } from "../eventstore/read";
import { dropReasonsOf } from "../journeys/drop-reasons";
import type { JourneyResume } from "../resume/journey-resume";
import { readUserSummaries } from "../sessions/read-sessions";
import { queuedAlertsAt } from "../alerts/queue-alerts";
import { type QueuedSession, workQueueAt } from "../users/work-queue";
import { liveCatalog } from "./catalog";
import { customerJson, referencesFor } from "./customers";
import { getMasker } from "./privacy";

/** How many customers "looked at recently" lists, and how far back in the viewer's own audit stream it reads for them. */
const RECENT_CUSTOMERS = 8;
const RECENT_AUDIT_READ = 300;

export interface WorkItem {
  sessionId: string;
  /** the customer: id masked, reference, name masked */
  userId: string;
  reference: string;
  personName: string | null;
  journeyLabel: string;
  stoppedAt: string;
  dropReason: string;
  stepLabel: string;
  /** what it would take: the resume point's steps still to do */
  remaining: string[];
  /** what changed since, in the journey's words */
  blockers: string[];
}

/**
 * The agent's start page: the work queue (lib/users/work-queue.ts) judged at now, in words, every
 * personal value through the policy before it leaves the server (names, ids, and the resume's
 * words, which may quote what the customer typed). What remains and what changed are the
 * customer page's Resume card's own (the same resume check), not the resume point as folded.
 */
export async function getWorkQueue(after?: string, now = Date.now()): Promise<{ items: WorkItem[]; stopped: number; from: number; next: string | null }> {
  const queue = await workQueueAt(getReadStore(), now, { after });
  return { items: await inWords(queue.items), stopped: queue.stopped, from: queue.from, next: queue.next };
}

/** A fired stalled-journey alert in the queue: the work item, and which rule fired it when. */
export interface AlertItem extends WorkItem {
  alertId: string;
  ruleName: string;
  firedAt: string;
}

/**
 * The alerts rules fired (lib/alerts/queue-alerts.ts), judged at now as the queue's items are, in
 * the same words and through the same policy: what it would take, and the session to resume.
 */
export async function getQueuedAlerts(now = Date.now()): Promise<AlertItem[]> {
  const alerts = await queuedAlertsAt(getReadStore(), now);
  const items = await inWords(alerts);
  return items.map((item, i) => ({ ...item, alertId: alerts[i]!.alertId, ruleName: alerts[i]!.ruleName, firedAt: alerts[i]!.occurredAt.toISOString() }));
}

/** Sessions judged at now, in words, every personal value through the policy. */
async function inWords(queued: readonly QueuedSession[]): Promise<WorkItem[]> {
  const [masker, catalog] = await Promise.all([getMasker(), liveCatalog()]);
  const references = await referencesFor(queued.map((q) => q.session.userId));
  return queued.map(({ session: s, resume: found }) => {
    const definition = catalog.byName(s.journey);
    const reasons = definition ? dropReasonsOf(definition) : [];
    const resume = masker.state(found) as JourneyResume;
    const customer = customerJson({ userId: s.userId!, reference: references.get(s.userId!) ?? "" }, masker);
    // An alert can fire while its session is open, before it has a drop reason: it is at its step then.
    const dropReason = s.dropReason === null ? "still open" : (reasons.find((r) => r.key === s.dropReason)?.label ?? s.dropReason.replaceAll("_", " "));
    return {
      sessionId: s.id,
      ...customer,
      personName: s.personName === null ? null : masker.value(s.personName),
      journeyLabel: definition?.label ?? s.journey,
      stoppedAt: s.lastEventAt.toISOString(),
      dropReason,
      stepLabel: resume.stepLabel,
      remaining: resume.remaining,
      blockers: resume.noLongerHolds.map((n) => n.message),
    };
  });
}

/**
 * The customers this viewer looked at recently, newest first: read from their own audit stream
 * (one indexed read: every look at a customer is on record there), so it is what the access log
 * says they opened, not a second record kept beside it.
 */
export async function recentCustomersOf(viewer: Viewer) {
  const events = await readFeedBackward(getReadStore(), {
    limit: RECENT_AUDIT_READ,
    filter: { source: AUDIT_SOURCE, stream: auditStream(viewer.id), type: "rewind.audit.customer.viewed" },
  });
  const seen = new Map<string, string>();
  for (const e of events) {
    const customer = (e.dataJson as unknown as AuditRecord).customer;
    if (customer !== null && !seen.has(customer)) seen.set(customer, e.occurredAt.toISOString());
    if (seen.size >= RECENT_CUSTOMERS) break;
  }
  const ids = [...seen.keys()];
  const [summaries, references, masker] = await Promise.all([readUserSummaries(getReadStore(), ids), referencesFor(ids), getMasker()]);
  const byId = new Map(summaries.map((u) => [u.userId, u]));
  return ids.flatMap((id) => {
    const reference = references.get(id);
    if (!reference) return [];
    const summary = byId.get(id);
    return [
      {
        ...customerJson({ userId: id, reference }, masker),
        displayName: summary?.displayName ? masker.value(summary.displayName) : null,
        lookedAt: seen.get(id)!,
        lastSeen: summary?.lastSeen.toISOString() ?? null,
        sessionCount: summary?.sessionCount ?? 0,
      },
    ];
  });
}
