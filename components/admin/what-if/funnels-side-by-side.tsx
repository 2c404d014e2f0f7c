import type { ComparedStep, FunnelComparison } from "@/lib/analytics/funnel-comparison";
import { signed } from "@/lib/analytics/funnel-comparison";
import { Cell, DataTable, Row } from "../../ui/data-table";

const percent = (r: number | null) => (r === null ? "" : `${(r * 100).toFixed(1)}%`);
const tone = (n: number) => (n > 0 ? "text-emerald-700 dark:text-emerald-400" : n < 0 ? "text-rose-700 dark:text-rose-400" : "text-slate-500");

/** A count with its bar, drawn to the table's one scale (so the two funnels compare by eye). */
function Bar({ n, share, largest, colour }: { n: number | null; share: number | null; largest: number; colour: string }) {
  if (n === null) return <span className="text-xs text-slate-400">not a step</span>;
  return (
    <div className="min-w-28 space-y-0.5">
      <div className="flex items-baseline justify-between gap-2 tabular-nums">
        <span data-sessions={n}>{n.toLocaleString("en-GB")}</span>
        <span className="text-xs text-slate-500">{percent(share)}</span>
      </div>
      <div className="h-1.5 rounded bg-slate-100 dark:bg-slate-800" aria-hidden>
        <div className={`h-1.5 rounded ${colour}`} style={{ width: `${largest === 0 ? 0 : (n / largest) * 100}%` }} />
      </div>
    </div>
  );
}

const stepNote = (s: ComparedStep) => (s.only === "draft" ? " (the draft adds it)" : s.only === "current" ? " (the draft removes it)" : "");

/** The current funnel and the draft's in one table: each step's sessions on both sides and the difference. */
export function FunnelsSideBySide({ compared }: { compared: FunnelComparison }) {
  const { sessions, steps, largest } = compared;
  return (
    <section aria-label="Funnels" className="space-y-1">
      <h3 className="text-sm font-semibold">Funnel now and with the draft</h3>
      <DataTable stacked label="Funnels, now and with the draft" columns={["Step", "Now", "With the draft", ["Difference", "text-right"]]}>
        <Row stacked data-step="(sessions)">
          <Cell label="Step" className="font-medium">
            Sessions
          </Cell>
          <Cell label="Now">
            <Bar n={sessions.current} share={null} largest={largest} colour="bg-slate-400" />
          </Cell>
          <Cell label="With the draft">
            <Bar n={sessions.draft} share={null} largest={largest} colour="bg-amber-500" />
          </Cell>
          <Cell label="Difference" className={`text-right tabular-nums ${tone(sessions.difference)}`}>
            {signed(sessions.difference)}
          </Cell>
        </Row>
        {steps.map((s) => (
          <Row stacked key={s.key} data-step={s.key}>
            <Cell label="Step">
              {s.label}
              <span className="text-xs text-slate-500">{stepNote(s)}</span>
            </Cell>
            <Cell label="Now">
              <Bar n={s.current} share={s.currentShare} largest={largest} colour="bg-slate-400" />
            </Cell>
            <Cell label="With the draft">
              <Bar n={s.draft} share={s.draftShare} largest={largest} colour="bg-amber-500" />
            </Cell>
            <Cell label="Difference" className={`text-right tabular-nums ${tone(s.difference)}`}>
              {signed(s.difference)}
            </Cell>
          </Row>
        ))}
      </DataTable>
    </section>
  );
}
