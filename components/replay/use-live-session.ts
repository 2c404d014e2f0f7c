"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";
import { loadReplayTail } from "@/app/(dashboard)/sessions/actions";

export const LIVE_POLL_MS = 2_000;

export type ReplayTail = NonNullable<Awaited<ReturnType<typeof loadReplayTail>>>;

/** While a session is open, asks every two seconds for the events after the ones on screen. */
export function useLiveSession(sessionId: string, known: number, open: boolean, onTail: (tail: ReplayTail) => void) {
  const deliver = useEffectEvent(onTail);
  const query = useQuery({
    queryKey: ["replay-tail", sessionId, known],
    queryFn: () => loadReplayTail(sessionId, known),
    enabled: open,
    refetchInterval: open ? LIVE_POLL_MS : false,
    staleTime: 0,
    gcTime: 0,
  });
  const data = query.data;
  useEffect(() => {
    if (data && (data.times.length > 0 || data.session.endReason !== "open")) deliver(data);
  }, [data]);
}
