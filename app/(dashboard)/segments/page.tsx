import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { formatWallClock } from "@/components/replay/format-time";
import { TrendBars } from "@/components/segments/trend-bars";
import { buttonClass } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyRow } from "@/components/ui/empty-state";
import { can } from "@/lib/access/roles";
import { deleteSegmentAction, updateSegmentAction } from "@/lib/actions/segments";
import { listCountedSegments } from "@/lib/data/segments";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Segments" };

const COLUMNS = ["Segment", "Sessions now", "Per start day", "Saved", ""];
const input = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** The team's saved searches of sessions, each counted now, with its sessions per start day; open, edit, delete. */
export default async function SegmentsPage() {
  const viewer = await requireViewer("sessions.replay");
  const segments = await listCountedSegments(viewer);
  const mayChange = can(viewer.role, "segments.save");
  const mayFollow = can(viewer.role, "analytics.view");
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold">Segments</h1>
        <p className="text-sm text-slate-500">
          Searches of sessions the team saved (“Save as segment” on any list of sessions, an analytics drill-down included), counted afresh on every visit.
        </p>
      </div>
      <DataTable label="Segments" columns={COLUMNS} stacked>
        {segments.length === 0 && <EmptyRow columns={COLUMNS.length}>No segment yet: filter the sessions, then “Save as segment”.</EmptyRow>}
        {segments.map((s) => (
          <Row key={s.id} stacked>
            <Cell label="Segment" className="font-medium">
              <Link href={`/sessions?${s.query}`} className="text-amber-800 hover:underline dark:text-amber-300">
                {s.name}
              </Link>
              {mayFollow && !s.error && (
                <Link
                  href={`/analytics/after-drop-off?segment=${s.id}`}
                  className="block text-xs font-normal text-amber-700 hover:underline dark:text-amber-400"
                >
                  What came after →
                </Link>
              )}
            </Cell>
            <Cell label="Sessions now" className="tabular-nums">
              {s.error ? (
                <span role="alert" className="text-xs text-red-700 dark:text-red-400">
                  cannot be counted: {s.error}
                </span>
              ) : (
                <span data-testid="segment-total">{s.total!.toLocaleString("en-GB")}</span>
              )}
            </Cell>
            <Cell label="Per start day">{s.trend ? <TrendBars trend={s.trend} /> : <span className="text-xs text-slate-500">—</span>}</Cell>
            <Cell label="Saved" className="text-xs text-slate-500">
              by {s.createdBy}, {formatWallClock(s.createdAt.getTime())}
              {s.updatedBy && s.updatedAt ? ` · changed by ${s.updatedBy}, ${formatWallClock(s.updatedAt.getTime())}` : ""}
            </Cell>
            <Cell label="" className="space-y-2 sm:text-right">
              {mayChange && (
                <>
                  <details className="text-left text-sm">
                    <summary className="cursor-pointer text-amber-700 dark:text-amber-400">Edit</summary>
                    <ActionForm action={updateSegmentAction} label="Save changes" className="mt-2 space-y-2">
                      <input type="hidden" name="id" value={s.id} />
                      <label className="block">
                        Name <input name="name" defaultValue={s.name} required maxLength={80} className={input} />
                      </label>
                      <label className="block">
                        Filter (the sessions page&apos;s address after <code>?</code>){" "}
                        <textarea name="query" defaultValue={s.query} rows={3} className={input} />
                      </label>
                    </ActionForm>
                  </details>
                  <form action={deleteSegmentAction}>
                    <input type="hidden" name="id" value={s.id} />
                    <ConfirmButton question={`Delete the segment “${s.name}” for the whole team?`} className={buttonClass("danger")}>
                      Delete
                    </ConfirmButton>
                  </form>
                </>
              )}
            </Cell>
          </Row>
        ))}
      </DataTable>
    </div>
  );
}
