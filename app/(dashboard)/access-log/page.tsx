import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "next/link";
import { formatWallClock } from "@/components/replay/format-time";
import { accessLogFilterOf, accessLogParams, accessLogQuerySchema } from "@/lib/audit/access-log-query";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-event";
import { listAuditViewers, readAccessLog } from "@/lib/data/audit";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access log" };

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** Who looked at which customer's data, when, and why: read from the audit streams in the event store. */
export default async function AccessLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("access-log.view");
  const query = accessLogQuerySchema.parse(await searchParams);
  const [log, viewers] = await Promise.all([readAccessLog(accessLogFilterOf(query)), listAuditViewers()]);
  const olderParams = accessLogParams({ ...query, before: log.older ?? undefined });
  const exportParams = accessLogParams({ ...query, before: undefined });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Access log</h1>
        {/* The rows these filters select (every page of them), as the page shows them: masked, formula-guarded. */}
        <a
          href={`/access-log/export${exportParams.size > 0 ? `?${exportParams}` : ""}`}
          download
          className="text-sm text-amber-700 underline dark:text-amber-400"
        >
          Export CSV
        </a>
      </div>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the access log">
        <label className="space-y-1">
          <span className="block text-xs text-slate-500">Customer viewed (user id)</span>
          <input name="customer" defaultValue={query.customer} placeholder="usr-00042" className={input} />
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-slate-500">Viewer</span>
          <select name="viewer" defaultValue={query.viewer ?? ""} className={`w-72 ${input}`}>
            <option value="">anyone</option>
            {/* Everyone on record, dashboard users and service keys alike, most recent first. */}
            {viewers.map((v) => (
              <option key={v.id} value={v.id}>
                {v.label} ({v.role})
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-slate-500">Action</span>
          <select name="action" defaultValue={query.action ?? ""} className={`w-72 ${input}`}>
            <option value="">any</option>
            {Object.entries(AUDIT_ACTIONS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-slate-500">From</span>
          <input type="date" name="from" defaultValue={query.from} className={input} />
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-slate-500">To</span>
          <input type="date" name="to" defaultValue={query.to} className={input} />
        </label>
        <Button type="submit">Filter</Button>
        <Link href="/access-log" className="py-1.5 text-slate-500 underline">
          Clear
        </Link>
      </form>
      {log.rows.length === 0 ? (
        <EmptyState>No access matches these filters.</EmptyState>
      ) : (
        <DataTable label="Access log" columns={["When", "Viewer", "What", "Customer", "Opened", "Reason"]} stacked>
          {log.rows.map((r) => (
            <Row key={r.position} stacked className="align-top" data-action={r.action}>
              <Cell label="When" className="whitespace-nowrap text-xs">
                {formatWallClock(Date.parse(r.at))}
              </Cell>
              <Cell label="Viewer">
                {/* One block: in a stacked row on a phone the value sits right of its label. */}
                <div className="text-right sm:text-left">
                  <div>{r.viewer.label}</div>
                  <div className="text-xs text-slate-500">{r.viewer.role}</div>
                </div>
              </Cell>
              <Cell label="What">{AUDIT_ACTIONS[r.action] ?? r.action}</Cell>
              <Cell label="Customer" className="font-mono text-xs">
                {r.customer ? (
                  <Link
                    className="text-amber-700 hover:underline dark:text-amber-400"
                    href={`/access-log?customer=${encodeURIComponent(r.customerKey ?? r.customer)}`}
                  >
                    {r.customer}
                  </Link>
                ) : (
                  "—"
                )}
              </Cell>
              <Cell label="Opened" className="font-mono text-xs break-all">
                {r.session ? (
                  <Link className="text-amber-700 hover:underline dark:text-amber-400" href={`/sessions/${encodeURIComponent(r.session)}`}>
                    {r.target}
                  </Link>
                ) : (
                  r.target
                )}
              </Cell>
              <Cell label="Reason">{r.reason ?? ""}</Cell>
            </Row>
          ))}
        </DataTable>
      )}
      {log.older && (
        <Link href={`/access-log?${olderParams}`} className="inline-block text-sm text-amber-700 hover:underline dark:text-amber-400">
          Older →
        </Link>
      )}
    </div>
  );
}
