import type { DefinitionVersion } from "@/lib/journey-store/definition-store";
import { versionDiff } from "@/lib/journey-store/version-diff";
import { formatWallClock } from "../replay/format-time";
import { Card } from "../ui/card";
import { VersionDiff } from "./version-diff";

/** A definition's versions, newest first: who, when, what changed, and the JSON line diff from the version before. */
export function JourneyHistory({ history }: { history: readonly DefinitionVersion[] }) {
  return (
    <Card as="div" flush className="self-start">
      <h2 className="border-b border-slate-200 px-4 py-2 font-semibold dark:border-slate-700">History</h2>
      <ol aria-label="Definition history" className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
        {history.map((v, i) => {
          // Newest first: the version before is the next one down (absent for the oldest listed, unless it is v1).
          const before = history[i + 1];
          const diffable = before !== undefined || v.version === 1;
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
