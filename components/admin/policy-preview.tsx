import type { PolicyPreviewRow } from "@/lib/data/policy-preview";
import { Card } from "../ui/card";
import { cx } from "../ui/class-names";

/**
 * What a policy masks on a sample of the store's newest events: the paths, and the data as it
 * leaves. For a draft, also the paths it would stop masking (their values still shown masked).
 */
export function PolicyPreview({
  label = "Policy preview",
  title,
  note,
  rows,
}: {
  label?: string;
  title: string;
  note: string;
  rows: readonly PolicyPreviewRow[];
}) {
  return (
    <Card aria-label={label} className="space-y-2">
      <h2 className="font-semibold">{title}</h2>
      <p className="text-xs text-slate-500">{note}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">No event with data in the store yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
          {rows.map((r) => (
            <li key={r.position} className="py-2" data-type={r.type}>
              <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
                <a href={`/events?event=${r.position}`} className="break-all font-mono text-xs font-medium text-amber-700 hover:underline dark:text-amber-400">
                  {r.type}
                </a>
                <span className="text-xs text-slate-500">
                  {r.paths.length === 0 ? "nothing masked" : `${r.paths.length} value${r.paths.length === 1 ? "" : "s"} masked:`}
                </span>
                {r.paths.map((p) => {
                  const isNew = r.newByDraft?.includes(p) ?? false;
                  return (
                    <code
                      key={p}
                      title={isNew ? "masked by the draft, not by the version in force" : undefined}
                      data-new={isNew || undefined}
                      className={cx(
                        "rounded bg-rose-50 px-1 text-xs text-rose-900 dark:bg-rose-950/50 dark:text-rose-200",
                        isNew && "font-semibold ring-1 ring-rose-400",
                      )}
                    >
                      {p}
                      {isNew && " (new)"}
                    </code>
                  );
                })}
              </div>
              {r.unmaskedByDraft && r.unmaskedByDraft.length > 0 && (
                <div className="mt-1 flex flex-wrap items-baseline gap-x-2 gap-y-1" data-testid="unmasked-by-draft">
                  <span className="text-xs text-slate-500">masked now, no longer by the draft:</span>
                  {r.unmaskedByDraft.map((p) => (
                    <code key={p} className="rounded bg-amber-100 px-1 text-xs text-amber-900 dark:bg-amber-950/60 dark:text-amber-200">
                      {p}
                    </code>
                  ))}
                </div>
              )}
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
