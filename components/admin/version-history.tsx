import { formatWallClock } from "../replay/format-time";
import { Card } from "../ui/card";

/** One stored version of a versioned document (the personal-data policy, a journey definition). */
export interface VersionLine {
  version: number;
  changedBy: string;
  changedAt: Date;
  summary: string;
}

/** A versioned document's history, newest first: who, when, what changed. `label` names the list for people and tests. */
export function VersionHistory({ label, history }: { label: string; history: readonly VersionLine[] }) {
  return (
    <Card as="div" flush className="self-start">
      <h2 className="border-b border-slate-200 px-4 py-2 font-semibold dark:border-slate-700">History</h2>
      <ol aria-label={label} className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {history.map((v) => (
          <li key={v.version} className="px-4 py-2">
            <div className="flex justify-between gap-2 text-xs text-slate-500">
              <span>
                v{v.version} · {v.changedBy}
              </span>
              <span>{formatWallClock(v.changedAt.getTime())}</span>
            </div>
            <p className="break-words">{v.summary}</p>
          </li>
        ))}
      </ol>
    </Card>
  );
}
