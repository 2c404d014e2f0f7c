import Link from "next/link";
import { outcomeLabelOf } from "@/lib/journeys/registry";

const COLORS: Record<string, string> = { completed: "#10b981", abandoned: "#f43f5e", browsed: "#94a3b8", live: "#0ea5e9" };

type StripSession = { id: string; startedAt: string; outcome: string; eventCount: number; journey?: string };

/** What each colour means, for the outcomes on the strip, in the words the sessions' badges use ("booked" for a completed booking). */
function legendOf(sessions: StripSession[]) {
  return Object.keys(COLORS).flatMap((outcome) => {
    const words = new Set(sessions.filter((s) => s.outcome === outcome).map((s) => outcomeLabelOf(s.journey ?? "generic", outcome)));
    return words.size === 0 ? [] : [{ outcome, words: [...words].join(" / ") }];
  });
}

/** The user's sessions over time: one mark per session, placed by start, coloured by outcome, with a legend of the colours. */
export function SessionStrip({ sessions }: { sessions: StripSession[] }) {
  if (sessions.length === 0) return null;
  const times = sessions.map((s) => Date.parse(s.startedAt));
  const min = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - min);
  return (
    <div className="space-y-1">
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the strip keeps the name it had (Chromium exposes it); its element and role stay as they are */}
      <div aria-label="Sessions over time" className="relative h-8 rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900">
        {sessions.map((s, i) => (
          <Link
            key={s.id}
            href={`/sessions/${encodeURIComponent(s.id)}`}
            title={`${new Date(s.startedAt).toUTCString()} · ${outcomeLabelOf(s.journey ?? "generic", s.outcome)} · ${s.eventCount} events`}
            className="absolute top-1 bottom-1 w-1.5 -translate-x-1/2 rounded-sm hover:ring-2 hover:ring-amber-400"
            style={{ left: `${2 + ((times[i]! - min) / span) * 96}%`, background: COLORS[s.outcome] ?? "#94a3b8" }}
          />
        ))}
      </div>
      <ul aria-label="Colours of the strip" className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
        {legendOf(sessions).map((l) => (
          <li key={l.outcome} className="flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-1.5 rounded-sm" style={{ background: COLORS[l.outcome] }} />
            {l.words}
          </li>
        ))}
      </ul>
    </div>
  );
}
