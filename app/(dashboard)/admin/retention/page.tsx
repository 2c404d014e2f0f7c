import type { Metadata } from "next";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { RetentionEditor } from "@/components/admin/retention-editor";
import { RetentionRun } from "@/components/admin/retention-run";
import { VersionHistory } from "@/components/admin/version-history";
import { formatWallClock } from "@/components/replay/format-time";
import { Card } from "@/components/ui/card";
import { previewRetentionAction, runRetentionAction, saveRetentionAction } from "@/lib/actions/retention";
import { getRetentionAdmin } from "@/lib/data/retention";
import { requireViewer } from "@/lib/data/viewer";
import { EXAMPLE_RETENTION_POLICY } from "@/lib/retention/example-policy";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Retention" };

export default async function AdminRetentionPage() {
  await requireViewer("admin.manage");
  const { current, history, running, everyHours } = await getRetentionAdmin();
  const busy = running ? `A purge (${running.purgeId}) has been running since ${formatWallClock(running.claimedAt.getTime())}: wait for it to finish.` : null;
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/retention" />
      <section className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="min-w-0 space-y-4">
          <p className="text-sm text-slate-500">
            How long events are kept (docs/retention.md). Each rule names event types (globs such as <code>search.*</code>), optionally <code>sources</code>,
            and the days an event is kept after Rewind recorded it; the first rule that matches an event decides, and <code>defaultKeepDays</code> keeps the
            rest (<code>null</code>: forever). A purge archives what is due, then removes it; its tombstones keep the record verifiable.{" "}
            {everyHours === null
              ? "This server runs none by itself (REWIND_RETENTION=off)"
              : `The server runs one every ${everyHours === 24 ? "day" : `${everyHours.toLocaleString("en-US")} hours`}`}
            ; <strong>Run now</strong> runs one at once.
          </p>
          <Card as="div" className="space-y-3">
            <h2 className="font-semibold">In force</h2>
            {current ? (
              <p className="text-sm" data-testid="in-force">
                Version {current.version}, saved by {current.changedBy} on {formatWallClock(current.changedAt.getTime())}: {current.summary}.
              </p>
            ) : (
              <p className="text-sm" data-testid="in-force">
                No retention policy is saved: every event is kept forever.
              </p>
            )}
            {current && <RetentionRun version={current.version} busy={busy} run={runRetentionAction} />}
          </Card>
          <div className="space-y-2">
            <h2 className="font-semibold">{current ? `Edit (from v${current.version})` : "A first policy"}</h2>
            <RetentionEditor
              initial={current ? JSON.stringify(current.policy, null, 2) : ""}
              example={EXAMPLE_RETENTION_POLICY}
              preview={previewRetentionAction}
              save={saveRetentionAction}
            />
          </div>
        </div>
        {history.length > 0 ? (
          <VersionHistory label="Retention policy history" history={history.map((v) => ({ ...v, document: v.policy }))} />
        ) : (
          <Card as="div" className="self-start text-sm text-slate-500">
            No version yet: the first one saved starts the history.
          </Card>
        )}
      </section>
    </div>
  );
}
