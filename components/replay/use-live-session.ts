"use client";

import { loadReplayTail } from "@/app/(dashboard)/sessions/actions";
import { usePoll } from "../hooks/use-poll";
import type { ReplayGrant } from "./use-replay-block";

export const LIVE_POLL_MS = 2_000;

export type ReplayTail = NonNullable<Awaited<ReturnType<typeof loadReplayTail>>>;

/** While a session is open, asks every two seconds for the events after the ones on screen. */
export function useLiveSession(sessionId: string, known: number, open: boolean, view: ReplayGrant, onTail: (tail: ReplayTail) => void) {
  usePoll(["replay-tail", sessionId, known, view.revealed ? "revealed" : "masked"], () => loadReplayTail(sessionId, known, view.grant), {
    enabled: open,
    intervalMs: LIVE_POLL_MS,
    accept: (tail) => tail !== null && (tail.times.length > 0 || tail.session.endReason !== "open"),
    onData: (tail) => tail && onTail(tail),
  });
}
