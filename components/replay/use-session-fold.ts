"use client";

import { useEffect, useRef, useState } from "react";
import type { JourneyDefinition } from "@/lib/journeys/journey-definition";
import { SessionFold } from "@/lib/replay/session-fold";
import { replayReads } from "./replay-reads";

/**
 * Loads the whole session in the background, page by page, folding it as it arrives; until an
 * event has arrived, the player falls back to the block around the playhead. Answers the fold and
 * how many events it holds (for the progress shown to the user). Its pages run beside the block
 * and tail reads (each its own request); they are folded and dropped, not cached: a query cache
 * would hold a 100k-event session a second time. With a what-if's `draft` definition, each page is
 * folded with it too (`draftFold`): one read, two folds.
 */
export function useSessionFold(
  sessionId: string,
  total: number,
  definition: JourneyDefinition<unknown>,
  grant: string,
  draft: JourneyDefinition<unknown> | null = null,
) {
  const fold = useRef<SessionFold | null>(null);
  const draftFold = useRef<SessionFold | null>(null);
  const [loaded, setLoaded] = useState(0);
  const [failed, setFailed] = useState(false);
  fold.current ??= new SessionFold(definition);
  if (draft) draftFold.current ??= new SessionFold(draft);

  useEffect(() => {
    let cancelled = false;
    const current = fold.current!;
    (async () => {
      while (!cancelled && current.loaded < total) {
        const page = await replayReads.events(sessionId, current.loaded, grant);
        if (cancelled) return;
        if (!page || page.length === 0) break;
        current.append(page);
        draftFold.current?.append(page);
        setLoaded(current.loaded);
      }
    })().catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [sessionId, total, grant]);

  return { fold: fold.current, draftFold: draftFold.current, loaded, failed };
}
