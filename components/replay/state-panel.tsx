"use client";

import type { Moment } from "@/lib/replay/moment";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";

/**
 * The journey's state at the playhead; the facts the last event changed are highlighted and that
 * event named. A what-if's draft panel names its heading and region, and marks the facts whose value
 * differs from the current panel's (`differsFrom`).
 */
export function StatePanel({
  moment,
  momentIndex,
  eventDescription,
  loading,
  error,
  heading = "State at the playhead",
  label = "Journey state",
  differsFrom,
}: {
  moment: Moment | null;
  /** the event index the shown state belongs to (what tests and the replay benchmark wait for) */
  momentIndex: number;
  eventDescription: string | null;
  loading: boolean;
  /** set when the events around the playhead could not be loaded */
  error?: string | null;
  heading?: string;
  label?: string;
  differsFrom?: Moment["facts"] | null;
}) {
  return (
    <Card aria-label={label} data-moment-index={moment ? momentIndex : undefined} flush>
      <header className="border-b border-slate-200 px-4 py-2 dark:border-slate-700">
        <h2 className="text-sm font-semibold">{heading}</h2>
        <p className="truncate text-xs text-slate-500 dark:text-slate-400" title={eventDescription ?? ""}>
          {eventDescription ? `After: ${eventDescription}` : "Before the first event"}
        </p>
      </header>
      {error ? (
        <p role="alert" className="px-4 py-6 text-sm text-rose-700 dark:text-rose-300">
          Could not load the state at this moment ({error}). Move the playhead to try again.
        </p>
      ) : !moment ? (
        <EmptyState className="px-4 py-6">{loading ? "Loading the state…" : "No state"}</EmptyState>
      ) : (
        <dl className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {Object.entries(moment.facts).map(([key, value]) => {
            const changed = moment.changed.includes(key);
            const differs = differsFrom ? differsFrom[key] !== value : false;
            return (
              <div
                key={key}
                data-changed={changed || undefined}
                data-differs={differs || undefined}
                className={`grid grid-cols-[8rem_1fr] gap-2 px-4 py-1.5 ${changed ? "bg-amber-50 dark:bg-amber-950/40" : ""}`}
              >
                <dt className="text-slate-500 first-letter:uppercase dark:text-slate-400">{key}</dt>
                <dd className={`min-w-0 break-words ${changed ? "font-medium text-amber-900 dark:text-amber-200" : ""}`}>
                  {value}
                  {differs && (
                    <span className="ml-1 rounded bg-sky-100 px-1 text-xs font-normal text-sky-800 dark:bg-sky-900/50 dark:text-sky-200">not as now</span>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </Card>
  );
}
