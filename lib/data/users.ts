import "server-only";
import { getStore } from "../db/prisma";
import { listUserSessions, readUserSummaries } from "../sessions/read-sessions";
import { customerJson, customerKey, findCustomer } from "./customers";
import { getMasker } from "./privacy";
import { namePlaces } from "./place-names";
import { findUsers, toSessionJson } from "./sessions";

export { findUsers };

/** A customer's page, by user id or reference: the id masked when personal, the key its URLs use. */
export async function getUserPage(idOrReference: string) {
  const store = getStore();
  const customer = await findCustomer(idOrReference);
  if (!customer) return null;
  const [summary] = await readUserSummaries(store, [customer.userId]);
  if (!summary) return null;
  const masker = await getMasker();
  const references = new Map([[customer.userId, customer.reference]]);
  const sessions = (await listUserSessions(store, customer.userId)).map((s) => toSessionJson(s, masker, references));
  return {
    customer,
    ...customerJson(customer, masker),
    key: customerKey(customer, masker),
    displayName: summary.displayName === null ? null : masker.value(summary.displayName),
    sessionCount: summary.sessionCount,
    firstSeen: summary.firstSeen.toISOString(),
    lastSeen: summary.lastSeen.toISOString(),
    openBooking: await withPlaceNamed(masker.state(summary.openBooking) as OpenBooking | null),
    sessions,
  };
}

interface OpenBooking {
  sessionId: string;
  label: string;
  chosen: Record<string, string>;
  remaining: string[];
  blockers: string[];
}

/** The open booking's destination named as the whole store names it ("Malta (MLA)"), as the Resume card does. */
async function withPlaceNamed(booking: OpenBooking | null): Promise<OpenBooking | null> {
  return booking && { ...booking, chosen: await namePlaces(booking.chosen) };
}
