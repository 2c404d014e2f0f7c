import Link from "next/link";

const COLORS: Record<string, string> = { completed: "#10b981", abandoned: "#f43f5e", browsed: "#94a3b8", live: "#0ea5e9" };

/** The user's sessions over time: one mark per session, placed by start, coloured by outcome. */
export function SessionStrip({ sessions }: { sessions: { id: string; startedAt: string; outcome: string; eventCount: number }[] }) {
  if (sessions.length === 0) return null;
  const times = sessions.map((s) => Date.parse(s.startedAt));
  const min = Math.min(...times);
  const span = Math.max(1, Math.max(...times) - min);
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the strip keeps the name it had (Chromium exposes it); its element and role stay as they are
    <div aria-label="Sessions over time" className="relative h-8 rounded border border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900">
      {sessions.map((s, i) => (
        <Link
          key={s.id}
          href={`/sessions/${encodeURIComponent(s.id)}`}
          title={`${new Date(s.startedAt).toUTCString()} · ${s.outcome} · ${s.eventCount} events`}
          className="absolute top-1 bottom-1 w-1.5 -translate-x-1/2 rounded-sm hover:ring-2 hover:ring-amber-400"
          style={{ left: `${2 + ((times[i]! - min) / span) * 96}%`, background: COLORS[s.outcome] ?? "#94a3b8" }}
        />
      ))}
    </div>
  );
}
