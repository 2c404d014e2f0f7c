"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useEffectEvent } from "react";
import { loadNewerEvents } from "@/app/(dashboard)/events/actions";
import type { CloudEventJson } from "@/lib/eventstore/to-cloud-event";
import type { ExplorerFilterInput } from "@/lib/explorer/explorer-filter";

export const LIVE_POLL_MS = 2_000;

/**
 * Polls for events appended after `head` while `live` is on and hands each batch to `onEvents`
 * together with the position the next poll continues from.
 */
export function useLiveTail(
  filter: ExplorerFilterInput,
  head: number,
  live: boolean,
  onEvents: (events: CloudEventJson[], head: number) => void,
) {
  const deliver = useEffectEvent(onEvents);
  const query = useQuery({
    queryKey: ["explorer-tail", filter, head],
    queryFn: () => loadNewerEvents(filter, head),
    enabled: live,
    refetchInterval: live ? LIVE_POLL_MS : false,
    staleTime: 0,
    gcTime: 0,
  });
  const data = query.data;
  useEffect(() => {
    if (data && data.head > head) deliver(data.events, data.head);
  }, [data, head]);
  return { error: query.error, fetching: query.isFetching };
}
