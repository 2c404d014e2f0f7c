"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";

/** How often a live view (the explorer's tail, an open session's replay) asks for what is new. */
export const LIVE_POLL_MS = 2_000;

/**
 * Polls `fetcher` every `intervalMs` while enabled and hands each answer that `accept`s to
 * `onData`. The key should carry the cursor (what was already seen), so each new cursor asks anew.
 */
export function usePoll<T>(
  key: readonly unknown[],
  fetcher: () => Promise<T>,
  options: { enabled: boolean; intervalMs: number; accept: (data: T) => boolean; onData: (data: T) => void },
) {
  const deliver = useEffectEvent(options.onData);
  const accept = useEffectEvent(options.accept);
  const query = useQuery({
    queryKey: key,
    queryFn: fetcher,
    enabled: options.enabled,
    refetchInterval: options.enabled ? options.intervalMs : false,
    staleTime: 0,
    gcTime: 0,
  });
  const data = query.data;
  useEffect(() => {
    if (data !== undefined && accept(data)) deliver(data);
  }, [data]);
  return { error: query.error };
}
