import { OutcomeBadge } from "@/components/sessions/outcome-badge";
import { Card } from "@/components/ui/card";
import type { ResumePoint } from "@/lib/journeys/journey-definition";

/** "Where they left off": the last step, what they had chosen (a data journey: its facts, in its words), what remains, and what no longer holds. */
export function LeftOffCard({
  lastStep,
  resumePoint,
  outcome,
  endReason,
}: {
  lastStep: string;
  resumePoint: ResumePoint | null;
  outcome: string;
  endReason: string;
}) {
  return (
    <Card aria-label="Where they left off" tone="highlight">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">Where they left off</h2>
        <OutcomeBadge outcome={outcome} />
        <span className="text-xs text-slate-500 dark:text-slate-400">ended: {endReason.replaceAll("_", " ")}</span>
      </div>
      <p className="mt-1 text-lg font-medium">{lastStep}</p>
      {resumePoint && (
        <div className="mt-2 grid gap-3 text-sm md:grid-cols-[2fr_1fr]">
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-0.5">
            {Object.entries(resumePoint.chosen).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-500 first-letter:uppercase dark:text-slate-400">{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <div>
            <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">To continue</p>
            <ul className="list-inside list-disc">
              {resumePoint.remaining.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {resumePoint.blockers.map((b) => (
              <p key={b} className="mt-1 rounded bg-rose-100 px-2 py-1 text-xs text-rose-900 dark:bg-rose-950 dark:text-rose-200">
                {b}
              </p>
            ))}
          </div>
        </div>
      )}
    </Card>
  );
}
