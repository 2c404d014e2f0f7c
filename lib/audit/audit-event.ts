import { randomUUID } from "node:crypto";
import { viewerLabel, type Viewer } from "../access/viewer";
import type { IncomingEvent } from "../ingest/cloud-event";
import type { Masker } from "../privacy/mask";

/**
 * The access audit trail: every look at a customer's data is an event in the store, under the
 * reserved `rewind/` prefix that producers cannot write to and that sessions and analytics skip.
 * One stream per viewer (`rewind/audit/<viewer id>`), so "what did this person look at" is one
 * stream read; the customer looked at is the event's `userid`, so "who looked at this customer"
 * uses the same index as any other per-user read.
 */
export const AUDIT_SOURCE = "rewind/audit";

export const AUDIT_ACTIONS = {
  "customer.viewed": "viewed a customer's sessions",
  "customer.searched": "searched for customers",
  "replay.viewed": "viewed a replay",
  "flow.viewed": "viewed a business flow",
  "session.exported": "exported a session",
  // A subject-access export: everything held about them, unmasked; the record names whose, never what.
  "customer.exported": "exported everything held about a customer",
  // An erasure: whose (by reference, the pseudonym their user id became), the record, the reason; never a value.
  "customer.erased": "erased a customer's personal data",
  "field.revealed": "revealed a personal-data field",
  "session.revealed": "revealed a session's personal data",
  "resume-link.created": "created a resume link",
  "resume-link.opened": "opened a resume link",
  "resume-link.continued": "continued from a resume link",
  "resume-link.revoked": "revoked a resume link",
  // Notes on a moment: which note, where; never its text (free text, which may name the customer).
  "note.written": "wrote a note on a session",
  "note.changed": "changed a note on a session",
  "note.deleted": "deleted a note on a session",
  // Not looks at a customer, but changes to who may look: on record too.
  "dashboard-user.invited": "invited a dashboard user",
  "dashboard-user.role-changed": "changed a dashboard user's role",
  "dashboard-user.disabled": "disabled a dashboard user",
  "dashboard-user.enabled": "enabled a dashboard user",
  "dashboard-user.password-reset": "reset a dashboard user's password",
  "dashboard-user.password-changed": "changed their own password",
  // A service key reads every API: minting or withdrawing one changes who may look as much as a role does.
  "api-key.created": "created an API key",
  "api-key.revoked": "revoked an API key",
  // What sessions show: an event set aside and then folded again, or kept out of every fold for good.
  "dead-letter.retried": "folded a set-aside event again",
  "dead-letter.discarded": "discarded a set-aside event",
  // What every page shows: the read models rolled back to a kept generation, or one no longer kept.
  "generation.rolled-back": "rolled the read models back",
  "generation.discarded": "discarded a kept generation of the read models",
  // Alert rules send a customer's stalled journey out to a webhook: who sends what where is on record.
  "alert-rule.created": "created an alert rule",
  "alert-rule.deleted": "deleted an alert rule",
  "alert-rule.secret-rotated": "rotated an alert rule's secret",
  "alert.sent-again": "sent an alert's delivery again",
  // What Rewind keeps: a user id blocked from ingestion (its events refused) or unblocked.
  "ingest-block.added": "blocked a user id from ingestion",
  "ingest-block.removed": "unblocked a user id from ingestion",
  // What Rewind keeps for how long: a retention policy saved, and a purge run from the admin page (how many, which archive).
  "retention-policy.saved": "saved a retention policy",
  "retention.purged": "ran a retention purge",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export interface AuditEntry {
  action: AuditAction;
  /** the customer whose data was looked at */
  customer: string | null;
  session?: string | null;
  /** what was opened: a page path or an API request, a field path, an export format */
  target: string;
  reason?: string;
}

export interface AuditRecord extends AuditEntry {
  viewer: { id: string; kind: Viewer["kind"]; label: string; role: Viewer["role"] };
}

export function auditStream(viewerId: string): string {
  return `${AUDIT_SOURCE}/${viewerId}`;
}

/** An event Rewind itself appends (under the reserved `rewind/` prefix): JSON data, no producer attributes. */
export function rewindEvent(input: {
  source: string;
  type: string;
  subject: string;
  time: Date;
  data: unknown;
  userid: string | null;
  id?: string;
}): IncomingEvent {
  return {
    specversion: "1.0",
    id: input.id ?? randomUUID(),
    source: input.source,
    type: input.type,
    subject: input.subject,
    time: input.time,
    datacontenttype: "application/json",
    dataschema: null,
    data: { kind: "json", value: input.data },
    userid: input.userid,
    anonymousid: null,
    sessionid: null,
    correlationid: null,
    causationid: null,
    extensions: {},
    expectedVersion: null,
  };
}

export function toAuditEvent(viewer: Viewer, entry: AuditEntry, now: Date, id: string = randomUUID()): IncomingEvent {
  const record: AuditRecord = {
    viewer: { id: viewer.id, kind: viewer.kind, label: viewerLabel(viewer), role: viewer.role },
    action: entry.action,
    customer: entry.customer,
    session: entry.session ?? null,
    target: entry.target,
    ...(entry.reason ? { reason: entry.reason } : {}),
  };
  return rewindEvent({
    id,
    source: AUDIT_SOURCE,
    type: `rewind.audit.${entry.action}`,
    subject: auditStream(viewer.id),
    time: now,
    data: record,
    userid: entry.customer,
  });
}

/**
 * An audit record as the access log shows it: the reason (free text a viewer typed, where a
 * ticket may quote an email), the target (a path, an API request with its query) and the
 * customer (a user id can be an email) through the patterns, like any other string that leaves
 * the server. Filtering happens on the stored record, before this.
 */
export function maskAuditRecord<R extends AuditRecord>(masker: Masker, record: R): R {
  return {
    ...record,
    customer: record.customer === null ? null : masker.text(record.customer),
    target: masker.text(record.target),
    ...(record.reason === undefined ? {} : { reason: masker.text(record.reason) }),
  };
}
