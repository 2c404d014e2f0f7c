"use client";

import { useState } from "react";
import type { ReplayIndex } from "@/lib/data/replay";
import type { WhatIfDraft } from "@/lib/data/what-if-page";
import { ReplayView, type ReplayPermissions } from "./replay-view";

/** The replay, masked; after a reveal with a reason, the same view again with the session's data as stored. */
export function RevealableReplay({
  replay,
  initialIndex,
  grant,
  allowed,
  whatIf = null,
}: {
  replay: ReplayIndex;
  whatIf?: WhatIfDraft | null;
  initialIndex: number;
  grant: string;
  allowed: ReplayPermissions;
}) {
  const [revealed, setRevealed] = useState<{ grant: string; replay: ReplayIndex; index: number } | null>(null);
  if (revealed) {
    return (
      <ReplayView
        key={`${revealed.replay.session.id}:revealed`}
        replay={revealed.replay}
        initialIndex={revealed.index}
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
      view={{ grant, revealed: false }}
      allowed={allowed}
      whatIf={whatIf}
      onRevealed={(next, nextReplay, index) => setRevealed({ grant: next, replay: nextReplay, index })}
    />
  );
}
