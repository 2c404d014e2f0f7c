import "server-only";
import type { Viewer } from "../access/viewer";
import { AUDIT_SOURCE, auditStream, maskAuditRecord, toAuditEvent, type AuditEntry, type AuditRecord } from "../audit/audit-event";
import { getStore } from "../db/prisma";
import { appendEvents } from "../eventstore/append";
import { readFeedBackward } from "../eventstore/read";
import { isReference } from "../users/user-references";
import { customerKey, findCustomer, referencesFor } from "./customers";
import { getMasker } from "./privacy";

/**
 * Appends one audit event for this look at a customer's data. The customer may be named by their
 * reference (what answers carry, their id masked): the record keeps the user id, which the access
 * log filters by.
 */
export async function recordAccess(viewer: Viewer, entry: AuditEntry): Promise<void> {
  const customer = entry.customer !== null && isReference(entry.customer) ? ((await findCustomer(entry.customer))?.userId ?? entry.customer) : entry.customer;
  await appendEvents(getStore(), [toAuditEvent(viewer, { ...entry, customer }, new Date())]);
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
  /** what a link names the customer by: their reference when the id is personal, else the id */
  customerKey: string | null;
}

export const ACCESS_LOG_PAGE = 100;

/** The access log, newest first: one indexed read whatever the filter (see lib/audit/audit-event.ts). */
export async function readAccessLog(filter: AccessLogFilter): Promise<{ rows: AccessLogRow[]; older: number | null }> {
  // A customer filtered by reference (the links below use it for a personal id) is their user id.
  const customer = filter.customer && isReference(filter.customer) ? ((await findCustomer(filter.customer))?.userId ?? filter.customer) : filter.customer;
  const events = await readFeedBackward(getStore(), {
    before: filter.before,
    limit: ACCESS_LOG_PAGE + 1,
    filter: {
      source: AUDIT_SOURCE,
      userid: customer,
      stream: filter.viewerId ? auditStream(filter.viewerId) : undefined,
      from: filter.from,
      to: filter.to,
    },
  });
  const records = events.slice(0, ACCESS_LOG_PAGE).map((e) => e.dataJson as unknown as AuditRecord);
  const [masker, references] = await Promise.all([getMasker(), referencesFor(records.map((r) => r.customer))]);
  const rows = records.map((record, i) => {
    const id = record.customer;
    const reference = id === null ? undefined : references.get(id);
    return {
      // Reasons and targets quote what the viewer typed (a ticket, an email): masked like the rest.
      ...maskAuditRecord(masker, record),
      // The customer's id as every page shows it: masked when it is personal (an email used as id).
      customerKey: id === null ? null : reference ? customerKey({ userId: id, reference }, masker) : masker.attribute("userid", id),
      position: Number(events[i]!.position),
      at: events[i]!.occurredAt.toISOString(),
    };
  });
  return { rows, older: events.length > ACCESS_LOG_PAGE ? rows[rows.length - 1]!.position : null };
}
