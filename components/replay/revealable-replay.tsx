"use client";

import { useState } from "react";
import type { ReplayIndex } from "@/lib/data/replay";
import type { WhatIfDraft } from "@/lib/data/what-if-page";
import { ReplayView, type ReplayPermissions } from "./replay-view";

/** The replay, masked; after a reveal with a reason, the same view again with the session's data as stored. */
export function RevealableReplay({
  replay,
  initialIndex,
  initialElapsedMs = null,
  grant,
  allowed,
  whatIf = null,
}: {
  replay: ReplayIndex;
  whatIf?: WhatIfDraft | null;
  initialIndex: number;
  /** a moment link's `?t=`, in ms since the first event */
  initialElapsedMs?: number | null;
  grant: string;
  allowed: ReplayPermissions;
}) {
  const [revealed, setRevealed] = useState<{ grant: string; replay: ReplayIndex; index: number; elapsedMs: number } | null>(null);
  if (revealed) {
    return (
      <ReplayView
        key={`${revealed.replay.session.id}:revealed`}
        replay={revealed.replay}
        initialIndex={revealed.index}
        initialElapsedMs={revealed.elapsedMs}
        view={{ grant: revealed.grant, revealed: true }}
        allowed={allowed}
        whatIf={whatIf}
      />
    );
  }
  return (
    <ReplayView
      key={replay.session.id}
      replay={replay}
      initialIndex={initialIndex}
      initialElapsedMs={initialElapsedMs}
      view={{ grant, revealed: false }}
      allowed={allowed}
      whatIf={whatIf}
      onRevealed={(next, nextReplay, index, elapsedMs) => setRevealed({ grant: next, replay: nextReplay, index, elapsedMs })}
    />
  );
}
