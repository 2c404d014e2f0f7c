"use client";

import { LIVE_POLL_MS, usePoll } from "../hooks/use-poll";
import { replayReads, type ReplayTail } from "./replay-reads";
import type { ReplayGrant } from "./use-replay-block";

/** While a session is open, asks every two seconds for the events after the ones on screen. */
export function useLiveSession(sessionId: string, known: number, open: boolean, view: ReplayGrant, onTail: (tail: ReplayTail) => void) {
  usePoll(["replay-tail", sessionId, known, view.revealed ? "revealed" : "masked"], () => replayReads.tail(sessionId, known, view.grant), {
    enabled: open,
    intervalMs: LIVE_POLL_MS,
    accept: (tail) => tail !== null && (tail.times.length > 0 || tail.session.endReason !== "open"),
    onData: (tail) => tail && onTail(tail),
  });
}
