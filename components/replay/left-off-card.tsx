import { OutcomeBadge } from "@/components/sessions/outcome-badge";
import { endReasonWord } from "@/lib/format/end-reason-word";
import { Card } from "@/components/ui/card";
import type { ResumePoint } from "@/lib/journeys/journey-definition";

/**
 * "Where they left off": the last step, what they had chosen (a data journey: its facts, in its
 * words), what remains, and what no longer holds. `sheet`: on the printable summary's white page,
 * light whatever the colour scheme (its dark colours are muddy on white and on paper).
 */
export function LeftOffCard({
  lastStep,
  resumePoint,
  outcome,
  endReason,
  sheet = false,
}: {
  lastStep: string;
  resumePoint: ResumePoint | null;
  outcome: string;
  endReason: string;
  sheet?: boolean;
}) {
  const muted = sheet ? "text-slate-600" : "text-slate-500 dark:text-slate-400";
  const blocker = sheet ? "bg-rose-100 text-rose-900" : "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200";
  const body = (
    <>
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">Where they left off</h2>
        <OutcomeBadge outcome={outcome} light={sheet} />
        <span className={`text-xs ${muted}`}>ended: {endReasonWord(endReason).toLowerCase()}</span>
      </div>
      <p className="mt-1 text-lg font-medium">{lastStep}</p>
      {resumePoint && (
        <div className="mt-2 grid gap-3 text-sm md:grid-cols-[2fr_1fr]">
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-0.5">
            {Object.entries(resumePoint.chosen).map(([k, v]) => (
              <div key={k} className="contents">
                <dt className={`first-letter:uppercase ${muted}`}>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          <div>
            <p className={`text-xs font-semibold uppercase tracking-wide ${muted}`}>To continue</p>
            <ul className="list-inside list-disc">
              {resumePoint.remaining.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
            {resumePoint.blockers.map((b) => (
              <p key={b} className={`mt-1 rounded px-2 py-1 text-xs ${blocker}`}>
                {b}
              </p>
            ))}
          </div>
        </div>
      )}
    </>
  );
  return sheet ? (
    <section aria-label="Where they left off" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      {body}
    </section>
  ) : (
    <Card aria-label="Where they left off" tone="highlight">
      {body}
    </Card>
  );
}
