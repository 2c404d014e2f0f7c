import { versionDiff } from "@/lib/journey-store/version-diff";
import { formatWallClock } from "../replay/format-time";
import { Card } from "../ui/card";
import { VersionDiff } from "./version-diff";

/** One stored version of a versioned document (the personal-data policy, a journey definition). */
export interface VersionLine {
  version: number;
  changedBy: string;
  changedAt: Date;
  summary: string;
  /** the document itself: given, each version shows its JSON line diff from the one before */
  document?: unknown;
}

/**
 * A versioned document's history, newest first: who, when, what changed, and (for documents given)
 * a readable diff from the version before. `label` names the list for people and tests.
 */
export function VersionHistory({ label, history }: { label: string; history: readonly VersionLine[] }) {
  return (
    <Card as="div" flush className="self-start">
      <h2 className="border-b border-slate-200 px-4 py-2 font-semibold dark:border-slate-700">History</h2>
      <ol aria-label={label} className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {history.map((v, i) => {
          // Newest first: the version before is the next one down (absent for the oldest listed, unless it is v1).
          const before = history[i + 1];
          const diffable = v.document !== undefined && (before?.document !== undefined || v.version === 1);
          return (
            <li key={v.version} className="px-4 py-2">
              <div className="flex justify-between gap-2 text-xs text-slate-500">
                <span>
                  v{v.version} · {v.changedBy}
                </span>
                <span>{formatWallClock(v.changedAt.getTime())}</span>
              </div>
              <p className="break-words">{v.summary}</p>
              {diffable && (
                <details className="mt-1" open={i === 0 && v.version > 1}>
                  <summary className="cursor-pointer text-xs text-amber-700 dark:text-amber-400">
                    {before ? `Changes from v${before.version}` : "The first version"}
                  </summary>
                  <div className="mt-1">
                    <VersionDiff pieces={versionDiff(before?.document ?? null, v.document)} label={`Changes in v${v.version}`} />
                  </div>
                </details>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
