import type { PolicyPreviewRow } from "@/lib/data/policy-preview";
import { Card } from "../ui/card";

/** What the version in force masks on a sample of the store's newest events: the paths, and the data as it leaves. */
export function PolicyPreview({ version, rows }: { version: number; rows: readonly PolicyPreviewRow[] }) {
  return (
    <Card aria-label="Policy preview" className="space-y-2">
      <h2 className="font-semibold">What version {version} masks, on the newest events</h2>
      <p className="text-xs text-slate-500">One event of each type among the newest in the store; a saved change shows here at once.</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No event with data in the store yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {rows.map((r) => (
            <li key={r.position} className="py-2" data-type={r.type}>
              <div className="flex flex-wrap items-baseline gap-x-2">
                <a href={`/events?event=${r.position}`} className="font-mono text-xs font-medium text-amber-700 hover:underline dark:text-amber-400">
                  {r.type}
                </a>
                <span className="text-xs text-slate-500">
                  {r.paths.length === 0 ? "nothing masked" : `${r.paths.length} value${r.paths.length === 1 ? "" : "s"} masked:`}
                </span>
                {r.paths.map((p) => (
                  <code key={p} className="rounded bg-rose-50 px-1 text-xs text-rose-900 dark:bg-rose-950/50 dark:text-rose-200">
                    {p}
                  </code>
                ))}
              </div>
              <details>
                <summary className="cursor-pointer text-xs text-slate-500">the data as it leaves the server</summary>
                <pre className="mt-1 max-h-48 overflow-auto rounded bg-slate-50 p-2 text-[11px] dark:bg-slate-950">{JSON.stringify(r.masked, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
