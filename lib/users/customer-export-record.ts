import type { Viewer } from "../access/viewer";
import { toAuditEvent } from "../audit/audit-event";
import type { Store } from "../db/prisma";
import { appendEvents } from "../eventstore/append";

/**
 * Puts a subject-access export on record before it is written (a download cut half-way was still
 * an export): who, when, and whose, by reference; not one value of the data. The customer is the
 * record's user id, as for every look at a customer, so the access log finds it by customer.
 */
export async function recordCustomerExport(store: Store, viewer: Viewer, customer: { userId: string; reference: string | null }, now = new Date()) {
  const target = `subject-access export of ${customer.reference ?? "a customer not yet given a reference"}`;
  await appendEvents(store, [toAuditEvent(viewer, { action: "customer.exported", customer: customer.userId, target }, now)]);
}

/** Who runs a command on the server: named in the record as the account that ran it. */
export function commandLineViewer(account: string): Viewer {
  return { kind: "service", id: "command-line", name: `rewind command line (${account})`, role: "service", permissions: [] };
}
