"use client";

import { useState } from "react";
import type { ReplayIndex } from "@/lib/data/replay";
import type { WhatIfDraft } from "@/lib/data/what-if-page";
import type { NoteJson } from "@/lib/notes/note-json";
import { useReplayNotes } from "../notes/use-replay-notes";
import { ReplayView, type ReplayPermissions } from "./replay-view";

/** The replay, masked; after a reveal with a reason, the same view again with the session's data as stored. */
export function RevealableReplay({
  replay,
  initialIndex,
  initialElapsedMs = null,
  grant,
  allowed,
  whatIf = null,
  notes: initialNotes = [],
  openNote = null,
}: {
  replay: ReplayIndex;
  /** the session's notes (none for a viewer who may not see customers) and the one a link opens (`?note=`) */
  notes?: NoteJson[];
  openNote?: string | null;
  whatIf?: WhatIfDraft | null;
  initialIndex: number;
  /** a moment link's `?t=`, in ms since the first event */
  initialElapsedMs?: number | null;
  grant: string;
  allowed: ReplayPermissions;
}) {
  const notes = useReplayNotes(initialNotes, openNote);
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
        notes={notes}
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
      notes={notes}
      onRevealed={(next, nextReplay, index, elapsedMs) => setRevealed({ grant: next, replay: nextReplay, index, elapsedMs })}
    />
  );
}
