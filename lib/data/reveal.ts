import "server-only";
import { can } from "../access/roles";
import type { Viewer } from "../access/viewer";
import { ApiError } from "../http/errors";
import { serverSecret } from "../auth/server-secret";
import { issueViewGrant, verifyViewGrant, type GrantSubject } from "../auth/view-grant";
import { getStore } from "../db/prisma";
import { readEventAt } from "../eventstore/read";
import { RESERVED_PREFIX } from "../ingest/cloud-event";
import { valueAtKeys } from "../privacy/mask";
import { findSession, readSessionPositions } from "../sessions/read-sessions";
import { recordAccess } from "./audit";

function grantSecret() {
  return serverSecret(getStore(), "view-grants", process.env.REWIND_GRANT_SECRET);
}

function subjectOf(viewer: Extract<Viewer, { kind: "user" }>, session: string): GrantSubject {
  return { session, viewer: viewer.id, signIn: viewer.signIn };
}

/** The grant a replay's page load (already audited) gives its own background reads. */
export async function issueReplayView(viewer: Extract<Viewer, { kind: "user" }>, sessionId: string): Promise<string> {
  return issueViewGrant(await grantSecret(), subjectOf(viewer, sessionId), false, Date.now());
}

/**
 * What a background read of this session may see: null without a grant from an audited view of
 * it; revealed only with a reveal grant and a role that may still reveal.
 */
export async function checkReplayView(viewer: Extract<Viewer, { kind: "user" }>, sessionId: string, grant: string | null | undefined) {
  if (!grant) return null;
  const allowed = verifyViewGrant(await grantSecret(), grant, subjectOf(viewer, sessionId), Date.now());
  if (!allowed) return null;
  return { revealed: allowed.revealed && can(viewer.role, "personal-data.reveal") };
}

/** Reveals a whole session for this view: one audit event with the reason, and a revealed grant. */
export async function revealSession(viewer: Extract<Viewer, { kind: "user" }>, sessionId: string, reason: string): Promise<string> {
  const session = await findSession(getStore(), sessionId);
  if (!session) throw new ApiError("not_found", `session "${sessionId}" not found`, { session: sessionId });
  await recordAccess(viewer, { action: "session.revealed", customer: session.userId, session: session.id, target: `/sessions/${session.id}`, reason });
  return issueViewGrant(await grantSecret(), subjectOf(viewer, session.id), true, Date.now());
}

/** One value a reveal may show: a leaf, never an object or array (a whole subtree of data). */
function isLeaf(value: unknown): value is string | number | boolean | null {
  return value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

/**
 * Reveals one field of one event's data: one audit event naming the field and the reason. A reveal
 * is bound to what the viewer may open: in a replay, the event must belong to the session named,
 * and the audit names that session's customer; without a session (the explorer's inspector), the
 * viewer must be one who may explore the raw store, or any event could be read by its position
 * (positions are sequential). The field is one leaf value. Rewind's own events (the audit trail)
 * are never revealed.
 */
export async function revealField(viewer: Viewer, position: number, keys: (string | number)[], reason: string, sessionId: string | null): Promise<unknown> {
  if (sessionId === null && !(viewer.kind === "user" && can(viewer.role, "events.explore"))) {
    throw new ApiError("forbidden", "revealing a field outside a replay needs the events explorer (events.explore)", { position });
  }
  const store = getStore();
  const event = await readEventAt(store, position);
  if (!event) throw new ApiError("not_found", `no event at position ${position}`, { position });
  if (event.source.startsWith(RESERVED_PREFIX) || event.stream.startsWith(RESERVED_PREFIX)) {
    throw new ApiError("forbidden", `event ${position} is one of Rewind's own`, { position });
  }
  let customer = event.userid;
  if (sessionId !== null) {
    const session = await findSession(store, sessionId);
    const members = session ? await readSessionPositions(store, session.id, 0, session.eventCount) : [];
    if (!session || !members.some((m) => m.position === position)) {
      throw new ApiError("not_found", `event ${position} is not in session "${sessionId}"`, { position, session: sessionId });
    }
    customer = session.userId ?? customer;
    sessionId = session.id;
  }
  const field = keys.join(".");
  const value = valueAtKeys(event.dataJson, keys);
  if (value === undefined) throw new ApiError("not_found", `event ${position} has no field ${field}`, { position, field });
  if (!isLeaf(value))
    throw new ApiError("invalid_request", `field ${field} of event ${position} is not one value: reveal its fields one at a time`, { position, field });
  await recordAccess(viewer, { action: "field.revealed", customer, session: sessionId, target: `event ${position} data.${field}`, reason });
  return value;
}
