import "server-only";
import { getStore } from "../db/prisma";
import { toCloudEventJson, type CloudEventJson } from "../eventstore/to-cloud-event";
import { maskCloudEvent } from "../privacy/mask-events";
import { countDeadLetters, discardDeadLetter, listDeadLetters, setAsideEventsNear, type DeadLetter } from "../sessions/dead-letters";
import { findSession } from "../sessions/read-sessions";
import { getMasker } from "./privacy";
import { retryDeadLetter } from "../sessions/isolate-failing-event";
import { sessionTimeoutMs } from "../sessions/settings";

export type { DeadLetter };

export function listSetAsideEvents(): Promise<DeadLetter[]> {
  return listDeadLetters(getStore(), "set_aside");
}

export function countSetAsideEvents(): Promise<number> {
  return countDeadLetters(getStore());
}

/**
 * Folds the event again: true when it folded, false when it still cannot be (the attempt is
 * counted), null when no event is set aside at that position.
 */
export function retrySetAsideEvent(position: number): Promise<boolean | null> {
  return retryDeadLetter(getStore(), position, { timeoutMs: sessionTimeoutMs() });
}

/** Stops counting it; the event stays out of every fold and, raw, in the store. */
export function discardSetAsideEvent(position: number): Promise<boolean> {
  return discardDeadLetter(getStore(), position);
}

/** The set-aside events a session's replay shows beside it, raw and masked like every served event. */
export async function getSetAsideEventsOfSession(sessionId: string): Promise<CloudEventJson[]> {
  const store = getStore();
  const session = await findSession(store, sessionId);
  if (!session) return [];
  const events = await setAsideEventsNear(store, session, sessionTimeoutMs());
  if (events.length === 0) return [];
  const masker = await getMasker();
  return events.map((e) => maskCloudEvent(masker, toCloudEventJson(e)));
}
