import "server-only";
import type { Viewer } from "../access/viewer";
import { AUDIT_SOURCE, auditStream, maskAuditRecord, toAuditEvent, type AuditEntry, type AuditRecord } from "../audit/audit-event";
import { getStore } from "../db/prisma";
import { appendEvents } from "../eventstore/append";
import { readFeedBackward } from "../eventstore/read";
import { getMasker } from "./privacy";

/** Appends one audit event for this look at a customer's data. */
export async function recordAccess(viewer: Viewer, entry: AuditEntry): Promise<void> {
  await appendEvents(getStore(), [toAuditEvent(viewer, entry, new Date())]);
}

export interface AccessLogFilter {
  customer?: string;
  viewerId?: string;
  from?: Date;
  to?: Date;
  /** position to page back from */
  before?: number;
}

export interface AccessLogRow extends AuditRecord {
  position: number;
  at: string;
}

export const ACCESS_LOG_PAGE = 100;

/** The access log, newest first: one indexed read whatever the filter (see lib/audit/audit-event.ts). */
export async function readAccessLog(filter: AccessLogFilter): Promise<{ rows: AccessLogRow[]; older: number | null }> {
  const events = await readFeedBackward(getStore(), {
    before: filter.before,
    limit: ACCESS_LOG_PAGE + 1,
    filter: {
      source: AUDIT_SOURCE,
      userid: filter.customer,
      stream: filter.viewerId ? auditStream(filter.viewerId) : undefined,
      from: filter.from,
      to: filter.to,
    },
  });
  const masker = await getMasker();
  const rows = events.slice(0, ACCESS_LOG_PAGE).map((e) =>
    maskAuditRecord(masker, { ...(e.dataJson as unknown as AuditRecord), position: Number(e.position), at: e.occurredAt.toISOString() }),
  );
  return { rows, older: events.length > ACCESS_LOG_PAGE ? rows[rows.length - 1]!.position : null };
}
