import "server-only";
import type { Viewer } from "../access/viewer";
import { ApiError } from "../api/errors";
import { issueRevealGrant, verifyRevealGrant } from "../auth/reveal-grant";
import { serverSecret } from "../auth/server-secret";
import { getStore } from "../db/prisma";
import { readEventAt } from "../eventstore/read";
import { valueAtKeys } from "../privacy/mask";
import { findSession } from "../sessions/read-sessions";
import { recordAccess } from "./audit";

function revealSecret() {
  return serverSecret(getStore(), "reveal", process.env.REWIND_REVEAL_SECRET);
}

/** Reveals a whole session for this view: one audit event with the reason, and a grant for the view's reads. */
export async function revealSession(viewer: Viewer, sessionId: string, reason: string): Promise<string> {
  const session = await findSession(getStore(), sessionId);
  if (!session) throw new ApiError("not_found", `session "${sessionId}" not found`, { session: sessionId });
  await recordAccess(viewer, { action: "session.revealed", customer: session.userId, session: session.id, target: `/sessions/${session.id}`, reason });
  return issueRevealGrant(await revealSecret(), session.id, viewer.id, Date.now());
}

/** Whether this grant reveals this session to this viewer now (a forged, expired or foreign grant does not). */
export async function grantHolds(viewer: Viewer, sessionId: string, grant: string | null | undefined): Promise<boolean> {
  if (!grant) return false;
  const session = await findSession(getStore(), sessionId);
  return !!session && verifyRevealGrant(await revealSecret(), grant, session.id, viewer.id, Date.now());
}

/** Reveals one field of one event's data: one audit event naming the field and the reason. */
export async function revealField(viewer: Viewer, position: number, keys: (string | number)[], reason: string, sessionId: string | null): Promise<unknown> {
  const event = await readEventAt(getStore(), position);
  if (!event) throw new ApiError("not_found", `no event at position ${position}`, { position });
  const value = valueAtKeys(event.dataJson, keys);
  if (value === undefined) throw new ApiError("not_found", `event ${position} has no field ${keys.join(".")}`, { position, field: keys.join(".") });
  await recordAccess(viewer, {
    action: "field.revealed",
    customer: event.userid,
    session: sessionId,
    target: `event ${position} data.${keys.join(".")}`,
    reason,
  });
  return value;
}
