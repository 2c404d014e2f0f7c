"use client";

import type { CloudEventJson } from "@/lib/eventstore/to-cloud-event";
import type { ExplorerFilterInput } from "@/lib/explorer/explorer-filter";
import { LIVE_POLL_MS, usePoll } from "../hooks/use-poll";
import { explorerReads } from "./explorer-reads";

/**
 * Polls for events appended after `head` while `live` is on and hands each batch to `onEvents`
 * together with the position the next poll continues from.
 */
export function useLiveTail(
  filter: ExplorerFilterInput,
  head: number,
  live: boolean,
  onEvents: (events: CloudEventJson[], head: number, streamNames: Record<string, string>) => void,
) {
  return usePoll(["explorer-tail", filter, head], () => explorerReads.newer(filter, head), {
    enabled: live,
    intervalMs: LIVE_POLL_MS,
    accept: (data) => data.head > head,
    onData: (data) => onEvents(data.events, data.head, data.streamNames),
  });
}
