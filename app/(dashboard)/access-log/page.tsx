import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import Link from "next/link";
import { z } from "zod";
import { formatWallClock } from "@/components/replay/format-time";
import { AUDIT_ACTIONS } from "@/lib/audit/audit-event";
import { listDashboardUsers } from "@/lib/data/admin";
import { readAccessLog } from "@/lib/data/audit";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access log" };

const day = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/)
  .optional()
  .catch(undefined);
const querySchema = z.object({
  customer: z.string().trim().min(1).max(200).optional().catch(undefined),
  viewer: z.string().trim().min(1).max(200).optional().catch(undefined),
  from: day,
  to: day,
  before: z.coerce.number().int().positive().optional().catch(undefined),
});

const input = "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** Who looked at which customer's data, when, and why: read from the audit streams in the event store. */
export default async function AccessLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("access-log.view");
  const query = querySchema.parse(await searchParams);
  const [log, users] = await Promise.all([
    readAccessLog({
      customer: query.customer,
      viewerId: query.viewer,
      from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
      // "to" is a whole day, inclusive.
      to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000) : undefined,
      before: query.before,
    }),
    listDashboardUsers(),
  ]);
  const olderParams = new URLSearchParams(
    Object.entries({ ...query, before: log.older ?? undefined }).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  );
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">Access log</h1>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter the access log">
        <label className="space-y-1">
          <span className="block text-xs text-slate-500">Customer viewed (user id)</span>
          <input name="customer" defaultValue={query.customer} placeholder="usr-00042" className={input} />
        </label>
        <label className="space-y-1">
          <span className="block text-xs text-slate-500">Viewer</span>
          <select name="viewer" defaultValue={query.viewer ?? ""} className={input}>
            <option value="">anyone</option>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.email}
              </option>
            ))}
            <option value="env:REWIND_API_KEY">service key REWIND_API_KEY</option>
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
        <DataTable label="Access log" columns={["When", "Viewer", "What", "Customer", "Opened", "Reason"]}>
          {log.rows.map((r) => (
            <Row key={r.position} className="align-top" data-action={r.action}>
              <Cell className="whitespace-nowrap text-xs">{formatWallClock(Date.parse(r.at))}</Cell>
              <Cell>
                <div>{r.viewer.label}</div>
                <div className="text-xs text-slate-500">{r.viewer.role}</div>
              </Cell>
              <Cell>{AUDIT_ACTIONS[r.action] ?? r.action}</Cell>
              <Cell className="font-mono text-xs">
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
              <Cell className="font-mono text-xs break-all">
                {r.session ? (
                  <Link className="text-amber-700 hover:underline dark:text-amber-400" href={`/sessions/${encodeURIComponent(r.session)}`}>
                    {r.target}
                  </Link>
                ) : (
                  r.target
                )}
              </Cell>
              <Cell>{r.reason ?? ""}</Cell>
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
