"use client";

import type { Moment } from "@/lib/replay/moment";
import type { WhatIfDraft } from "@/lib/data/what-if-page";
import { StatePanel } from "./state-panel";

/**
 * The state at the playhead, and with a what-if open (`?whatIf=<id>`) the draft's state beside it:
 * the same events folded with the draft's definition in the browser. The draft's panel waits for
 * the whole-session fold (the server's blocks hold the current journey's states only).
 */
export function StatePanels({
  moment,
  draftMoment,
  index,
  description,
  loading,
  error,
  currentVersion,
  whatIf,
}: {
  moment: Moment | null;
  draftMoment: Moment | null;
  index: number;
  description: string | null;
  loading: boolean;
  error: string | null;
  currentVersion: string;
  whatIf: WhatIfDraft | null;
}) {
  const current = (
    <StatePanel
      moment={moment}
      momentIndex={index}
      eventDescription={description}
      loading={loading}
      error={error}
      {...(whatIf ? { heading: `Now: ${currentVersion}` } : {})}
    />
  );
  if (!whatIf) return current;
  return (
    <div className="grid grid-cols-1 gap-3 self-start sm:grid-cols-2">
      {current}
      <StatePanel
        moment={draftMoment}
        momentIndex={index}
        eventDescription={description}
        loading={draftMoment === null}
        heading={`With the draft: ${whatIf.name}`}
        label="State with the draft"
        differsFrom={moment?.facts ?? null}
      />
    </div>
  );
}
