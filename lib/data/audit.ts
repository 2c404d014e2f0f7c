import "server-only";
import type { Viewer } from "../access/viewer";
import { AUDIT_SOURCE, auditStream, maskAuditRecord, toAuditEvent, type AuditAction, type AuditEntry, type AuditRecord } from "../audit/audit-event";
import { getStore } from "../db/prisma";
import { appendEvents } from "../eventstore/append";
import { listApiKeys } from "../auth/api-keys";
import { readFeedBackward, readLastEventsOf } from "../eventstore/read";
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
  action?: AuditAction;
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
export async function readAccessLog(filter: AccessLogFilter, pageSize = ACCESS_LOG_PAGE): Promise<{ rows: AccessLogRow[]; older: number | null }> {
  // A customer filtered by reference (the links below use it for a personal id) is their user id.
  const customer = filter.customer && isReference(filter.customer) ? ((await findCustomer(filter.customer))?.userId ?? filter.customer) : filter.customer;
  const events = await readFeedBackward(getStore(), {
    before: filter.before,
    limit: pageSize + 1,
    filter: {
      source: AUDIT_SOURCE,
      type: filter.action ? `rewind.audit.${filter.action}` : undefined,
      userid: customer,
      stream: filter.viewerId ? auditStream(filter.viewerId) : undefined,
      from: filter.from,
      to: filter.to,
    },
  });
  const records = events.slice(0, pageSize).map((e) => e.dataJson as unknown as AuditRecord);
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
  return { rows, older: events.length > pageSize ? rows[rows.length - 1]!.position : null };
}

export interface AuditViewer {
  id: string;
  /** who, as the access log names them: an email, "service key demo service" */
  label: string;
  role: string;
  /** their newest audited look */
  lastAt: string;
}

/** The service key of the environment: a viewer with no row of its own. */
const ENV_SERVICE_KEY = "env:REWIND_API_KEY";

/**
 * Every viewer with an audit stream, most recent first: each dashboard user and each API key
 * (revoked ones too: their looks stay on record), kept when their stream exists. Named as their
 * newest record names them. A customer opening a resume link is a viewer of their own link only
 * (one stream per link), so those are found by customer, not listed here.
 */
export async function listAuditViewers(): Promise<AuditViewer[]> {
  const store = getStore();
  const [users, keys] = await Promise.all([store.db.dashboardUser.findMany({ select: { id: true } }), listApiKeys(store)]);
  const ids = [...users.map((u) => u.id), ...keys.map((k) => `key:${k.id}`), ENV_SERVICE_KEY];
  const last = await readLastEventsOf(store, ids.map(auditStream));
  return last
    .map((e) => {
      const { viewer } = e.dataJson as unknown as AuditRecord;
      return { id: viewer.id, label: viewer.label, role: viewer.role, lastAt: e.occurredAt.toISOString() };
    })
    .sort((a, b) => (a.lastAt < b.lastAt ? 1 : a.lastAt > b.lastAt ? -1 : 0));
}

/** Who each audit stream among these is, for pages that list streams (`rewind/audit/<id>` says nothing). */
export async function nameAuditStreams(streams: readonly string[]): Promise<Record<string, string>> {
  const audit = [...new Set(streams.filter((s) => s.startsWith(`${AUDIT_SOURCE}/`)))];
  const last = await readLastEventsOf(getStore(), audit);
  return Object.fromEntries(last.map((e) => [e.stream, (e.dataJson as unknown as AuditRecord).viewer.label]));
}
