"use client";

import { useState } from "react";
import type { DayRange } from "@/lib/analytics/range";
import type { WhatIfAnswer } from "@/lib/data/what-if";
import { formatWallClock } from "../../replay/format-time";
import { buttonClass } from "../../ui/button";
import { Card } from "../../ui/card";
import { Notice } from "../../ui/notice";
import { WhatIfResultView } from "./what-if-result";
import { useWhatIf } from "./use-what-if";

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/**
 * "Try on history": the draft folded over a range of history beside the current version, as a job
 * (it runs on the server whatever the page does; a reload shows it again). Nothing is saved and no
 * read model changes: saving is the editor's other button.
 */
export function WhatIfPanel({ draft, initial, defaultRange }: { draft: string; initial: WhatIfAnswer | null; defaultRange: DayRange }) {
  const { answer, problem, starting, start, cancel, loadFailed } = useWhatIf(initial);
  const [range, setRange] = useState<DayRange>(initial ? { from: initial.from, to: initial.to } : defaultRange);
  const running = answer?.state === "running";
  const { done = 0, total = 0 } = answer?.progress ?? {};
  return (
    <Card aria-label="Try on history" className="space-y-3">
      <div>
        <h2 className="font-semibold">Try on history</h2>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          Folds every event of the range with the draft, beside the current version, without saving it or touching what the dashboard shows.
        </p>
      </div>
      <form
        aria-label="What-if range"
        className="flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          void start(draft, range.from, range.to);
        }}
      >
        <label className="space-y-1">
          <span className="block text-xs text-slate-500">From</span>
          <input type="date" name="from" required value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} className={input} />
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-slate-500">To</span>
          <input type="date" name="to" required value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} className={input} />
        </label>
        <button type="submit" disabled={starting || running} className={buttonClass("secondary", "text-sm")}>
          {starting ? "Starting…" : "Try on history"}
        </button>
        {running && (
          <button type="button" onClick={() => void cancel()} className={buttonClass("outline", "text-sm")}>
            Cancel
          </button>
        )}
      </form>
      {problem && (
        <Notice role="alert" tone="error">
          {problem}
        </Notice>
      )}
      {loadFailed && (
        <Notice role="alert" tone="warning">
          Could not ask how the what-if is going; it keeps running on the server. Reload to try again.
        </Notice>
      )}
      {answer && (
        <p className="text-xs text-slate-500 dark:text-slate-400">
          What-if of <strong>{answer.name}</strong> over {answer.from} to {answer.to} (UTC days), asked {formatWallClock(Date.parse(answer.createdAt))}: its
          “now” is the live version then
        </p>
      )}
      {running && (
        <div role="status" aria-label="What-if progress" className="flex flex-wrap items-center gap-2 text-sm">
          <progress className="h-2 w-56 max-w-full accent-amber-500" max={Math.max(total, 1)} value={done} />
          <span>
            Folding history with the draft: {done.toLocaleString("en-GB")} of {total > 0 ? total.toLocaleString("en-GB") : "…"} events
            {total > 0 ? ` (${Math.floor((done / total) * 100)}%)` : ""}
          </span>
        </div>
      )}
      {answer?.state === "failed" && (
        <Notice role="alert" tone="error">
          The what-if failed: {answer.error ?? "no reason was recorded"}.
        </Notice>
      )}
      {answer?.state === "cancelled" && (
        <Notice role="status" tone="warning">
          Cancelled after {done.toLocaleString("en-GB")} of {total.toLocaleString("en-GB")} events: nothing to show.
        </Notice>
      )}
      {answer?.state === "done" && answer.result && <WhatIfResultView id={answer.id} name={answer.name} result={answer.result} />}
    </Card>
  );
}
