import { compareJourneyEvents, type JourneyEvent } from "../journeys/journey-event";

export type EndReason = "signed_out" | "expired" | "timed_out" | "superseded" | "open";

export interface SessionDraft {
  events: JourneyEvent[];
  producerSessionId: string | null;
  endReason: EndReason;
}

export interface SessionizeOptions {
  /** inactivity that ends a session, in ms (default 30 minutes) */
  timeoutMs: number;
  /** the moment the sessions are judged at: a session idle for less than the timeout is open */
  now: number;
  boundary: (type: string) => "sign_in" | "sign_out" | "expired" | null;
}

export const DEFAULT_TIMEOUT_MS = 30 * 60 * 1000;

interface Building {
  events: JourneyEvent[];
  producerSessionId: string | null;
  signedIn: boolean;
  ended: "signed_out" | "expired" | null;
}

/**
 * Splits one person's events into sessions:
 * - a producer's `sessionid` wins: events with the session's id stay in it whatever the gap,
 *   and a different id starts another session;
 * - otherwise a sign-in starts a session (anonymous browsing just before it joins it), a
 *   sign-out or an expiry ends one, and a gap longer than the timeout starts a new one (a gap of
 *   exactly the timeout does not);
 * - order is event time, ties by global position, so sessions never overlap.
 * Pure: `now` is an argument, never read from a clock.
 */
export function sessionize(input: readonly JourneyEvent[], options: SessionizeOptions): SessionDraft[] {
  const events = [...input].sort(compareJourneyEvents);
  const drafts: SessionDraft[] = [];
  let current: Building | null = null;

  const close = (session: Building, reason: EndReason) =>
    drafts.push({ events: session.events, producerSessionId: session.producerSessionId, endReason: reason });

  for (const event of events) {
    const kind = options.boundary(event.type);
    if (current) {
      const last = current.events[current.events.length - 1]!;
      const gap = event.time - last.time;
      const sameProducerSession = event.sessionid !== null && event.sessionid === current.producerSessionId;
      let reason: EndReason | null = null;
      if (sameProducerSession) reason = null;
      else if (current.ended) reason = current.ended;
      else if (event.sessionid !== null && current.producerSessionId !== null) reason = gap > options.timeoutMs ? "timed_out" : "superseded";
      else if (gap > options.timeoutMs) reason = "timed_out";
      else if (kind === "sign_in" && current.signedIn) reason = "superseded";
      if (reason) {
        close(current, reason);
        current = null;
      }
    }
    if (!current) {
      current = { events: [], producerSessionId: event.sessionid, signedIn: false, ended: null };
    }
    current.events.push(event);
    current.producerSessionId ??= event.sessionid;
    if (kind === "sign_in") current.signedIn = true;
    if (kind === "sign_out" || kind === "expired") current.ended = kind === "sign_out" ? "signed_out" : "expired";
  }
  if (current) {
    const last = current.events[current.events.length - 1]!;
    close(current, current.ended ?? (options.now - last.time > options.timeoutMs ? "timed_out" : "open"));
  }
  return drafts;
}
