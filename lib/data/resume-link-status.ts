import "server-only";
import { AUDIT_SOURCE } from "../audit/audit-event";
import { getStore } from "../db/prisma";
import { FEED_MAX_LIMIT, readFeedBackward } from "../eventstore/read";
import { listResumeLinks } from "../resume/resume-links";
import { linkStatusOf, tallyOpens } from "../users/resume-link-status";

/**
 * A customer's resume links with what became of each (lib/users/resume-link-status.ts): the opens
 * are the customer's `resume-link.opened` audit records, one indexed read by user id.
 */
export async function linksWithStatusOf(userId: string, now = Date.now()) {
  const store = getStore();
  const [rows, opened] = await Promise.all([
    listResumeLinks(store, userId),
    readFeedBackward(store, { limit: FEED_MAX_LIMIT, filter: { source: AUDIT_SOURCE, userid: userId, type: "rewind.audit.resume-link.opened" } }),
  ]);
  const opens = tallyOpens(opened.map((e) => ({ target: (e.dataJson as { target?: string } | null)?.target ?? "", at: e.occurredAt.getTime() })));
  return rows.map((l) => ({
    id: l.id,
    sessionId: l.sessionId,
    createdBy: l.createdBy,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    ...linkStatusOf(l, opens, now),
  }));
}
