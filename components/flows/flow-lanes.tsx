import { formatElapsed, formatWallClock } from "@/components/replay/format-time";
import type { FlowEvent } from "@/lib/data/flows";
import type { Flow } from "@/lib/flows/flow";
import { Card } from "@/components/ui/card";

const chip = "rounded px-1.5 py-0.5 text-[11px] font-medium";
const HEADER_ROW =
  "grid border-b border-slate-200 bg-slate-50 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:border-slate-700 dark:bg-slate-800";

/**
 * The flow as swimlanes: one column per service, one row per event in event-time order, so who
 * did what, in what order and because of what reads top to bottom. Raw events open in place.
 */
export function FlowLanes({ flow }: { flow: Flow<FlowEvent> }) {
  const columns = `9rem repeat(${flow.services.length}, minmax(14rem, 1fr))`;
  return (
    <Card as="div" flush className="overflow-x-auto">
      <div role="table" aria-label="Flow" className="min-w-fit text-sm">
        <div role="row" className={HEADER_ROW} style={{ gridTemplateColumns: columns }}>
          <div role="columnheader" className="px-3 py-2">
            When
          </div>
          {flow.services.map((s) => (
            <div role="columnheader" key={s} className="truncate border-l border-slate-200 px-3 py-2 font-mono normal-case dark:border-slate-700" title={s}>
              {s}
            </div>
          ))}
        </div>
        {flow.steps.map((step, i) => {
          const e = step.event;
          const cause = step.causedBy !== null ? flow.steps[step.causedBy]!.event : null;
          return (
            <div
              role="row"
              key={e.position}
              id={`event-${e.position}`}
              data-type={e.type}
              className="grid border-b border-slate-100 last:border-b-0 target:bg-amber-50 dark:border-slate-800 dark:target:bg-slate-800"
              style={{ gridTemplateColumns: columns }}
            >
              <div role="cell" className="px-3 py-2 text-xs text-slate-500">
                <div className="font-medium text-slate-700 dark:text-slate-300">{i + 1}.</div>
                <div className="tabular-nums">{formatWallClock(e.time)}</div>
                {flow.startedAt !== null && i > 0 && <div className="tabular-nums">+{formatElapsed(e.time - flow.startedAt)}</div>}
              </div>
              {flow.services.map((s, lane) => (
                <div role="cell" key={s} className="border-l border-slate-100 px-3 py-2 dark:border-slate-800">
                  {lane === step.lane && (
                    <div className="space-y-1 rounded border border-slate-200 bg-slate-50 p-2 dark:border-slate-700 dark:bg-slate-950">
                      <div className="font-mono text-xs font-semibold">{e.type}</div>
                      <div>{e.description}</div>
                      <div className="flex flex-wrap gap-1">
                        {cause && (
                          <a href={`#event-${cause.position}`} className={`${chip} bg-sky-100 text-sky-800 hover:underline dark:bg-sky-950 dark:text-sky-200`}>
                            caused by {step.causedBy! + 1}. {cause.type}
                          </a>
                        )}
                        {step.causeMissing && (
                          <span
                            className={`${chip} bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300`}
                            title={`causation id ${step.causeMissing}`}
                          >
                            caused by an event outside this flow
                          </span>
                        )}
                        {step.lateByMs !== null && (
                          <span className={`${chip} bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200`}>
                            delivered late: {formatElapsed(step.lateByMs)} after a later event
                          </span>
                        )}
                        {!e.integrity.content ? (
                          <span className={`${chip} bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200`}>content changed since it was appended</span>
                        ) : e.integrity.linked === false ? (
                          <span className={`${chip} bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200`}>chain broken before it</span>
                        ) : e.integrity.linked === null ? (
                          <span
                            className={`${chip} bg-slate-200 text-slate-700 dark:bg-slate-800 dark:text-slate-300`}
                            title="Appended before the store's chain began: its content is checked, its place is not"
                          >
                            as appended (content checked)
                          </span>
                        ) : (
                          <span
                            className={`${chip} bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200`}
                            title="Its content hashes to what was recorded when it was appended, and it links to the event before it"
                          >
                            ✓ as appended
                          </span>
                        )}
                        {step.outOfOrder && (
                          <span
                            className={`${chip} bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200`}
                            title="An event appended before this one happened after it"
                          >
                            appended out of order
                          </span>
                        )}
                      </div>
                      <details className="text-xs">
                        <summary className="cursor-pointer text-amber-700 dark:text-amber-400">Event #{e.position} as stored</summary>
                        <pre className="mt-1 max-h-72 overflow-auto rounded bg-slate-950 p-2 font-mono text-[11px] leading-relaxed text-emerald-100">
                          {JSON.stringify(e.json, null, 2)}
                        </pre>
                      </details>
                    </div>
                  )}
                </div>
              ))}
            </div>
          );
        })}
      </div>
    </Card>
  );
}
