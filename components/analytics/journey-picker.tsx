"use client";

import type { JourneyChoice } from "@/lib/data/analytics";

const select = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** The journey an analytics page shows; choosing one applies the form at once (Apply does too, without script). */
export function JourneyPicker({ current, choices }: { current: string; choices: JourneyChoice[] }) {
  return (
    <label className="space-y-1">
      <span className="block text-xs text-slate-500">Journey</span>
      <select name="journey" defaultValue={current} className={select} onChange={(e) => e.currentTarget.form?.requestSubmit()}>
        {choices.map((c) => (
          <option key={c.name} value={c.name}>
            {c.label} ({c.sessions.toLocaleString("en-GB")} {c.sessions === 1 ? "session" : "sessions"})
          </option>
        ))}
      </select>
    </label>
  );
}
