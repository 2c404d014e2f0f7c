"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ReplayBlock } from "@/lib/data/replay";
import { SNAPSHOT_EVERY } from "@/lib/sessions/session-block";
import { replayReads } from "./replay-reads";

/** The grant the replay's page load (or a reveal) issued; every background read passes it back. */
export interface ReplayGrant {
  grant: string;
  revealed: boolean;
}

// A revealed view caches apart from the masked one.
const blockKey = (sessionId: string, block: number, view: ReplayGrant) => ["replay-block", sessionId, block, view.revealed ? "revealed" : "masked"] as const;

/**
 * The block of full events around the playhead, with its snapshot (blocks are the store's, of
 * SNAPSHOT_EVERY events); the neighbours are fetched ahead, alongside it, so playing and stepping
 * across a block boundary does not wait.
 */
export function useReplayBlock(sessionId: string, index: number, total: number, view: ReplayGrant) {
  const block = Math.max(0, Math.floor(index / SNAPSHOT_EVERY));
  const client = useQueryClient();
  const query = useQuery({
    queryKey: blockKey(sessionId, block, view),
    queryFn: () => replayReads.block(sessionId, block, view.grant),
    staleTime: Infinity,
  });
  useEffect(() => {
    for (const neighbour of [block - 1, block + 1]) {
      if (neighbour < 0 || neighbour * SNAPSHOT_EVERY >= total) continue;
      void client.prefetchQuery({
        queryKey: blockKey(sessionId, neighbour, view),
        queryFn: () => replayReads.block(sessionId, neighbour, view.grant),
        staleTime: Infinity,
      });
    }
  }, [block, client, sessionId, total, view]);
  return { block: query.data as ReplayBlock | null | undefined, loading: query.isPending, error: query.error };
}
