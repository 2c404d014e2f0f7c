import type { DefinitionVersion } from "@/lib/journey-store/definition-store";
import { formatWallClock } from "../replay/format-time";
import { Card } from "../ui/card";

/** A definition's versions, newest first: who, when, what changed. */
export function JourneyHistory({ history }: { history: readonly DefinitionVersion[] }) {
  return (
    <Card as="div" flush className="self-start">
      <h2 className="border-b border-slate-200 px-4 py-2 font-semibold dark:border-slate-700">History</h2>
      <ol aria-label="Definition history" className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
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
