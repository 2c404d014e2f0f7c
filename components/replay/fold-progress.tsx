import { foldProgressText } from "./fold-progress-text";

/**
 * While the states behind the panel are read: the events and their words are here already (the
 * replay's index), so it says what is known ("14 events over 30:00, searched for a holiday at the
 * end") rather than "0 of 14 events", and shows progress once there is some.
 */
export function FoldProgress({ times, loaded, lastStep }: { times: readonly number[]; loaded: number; lastStep: string }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs text-slate-500 dark:text-slate-400" role="status" aria-label="Loading the session">
      {loaded > 0 && <progress className="h-1.5 w-40 accent-amber-500" max={times.length} value={loaded} />}
      <span>{foldProgressText(times, loaded, lastStep)}</span>
    </div>
  );
}
