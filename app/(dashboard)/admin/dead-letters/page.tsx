import type { Metadata } from "next";
import Link from "next/link";
import { AdminTabs } from "@/components/admin/admin-tabs";
import { formatWallClock } from "@/components/replay/format-time";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { buttonClass } from "@/components/ui/button";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyRow } from "@/components/ui/empty-state";
import { listSetAsideEvents } from "@/lib/data/dead-letters";
import { requireViewer } from "@/lib/data/viewer";
import { discardDeadLetterAction, retryDeadLetterAction } from "@/lib/actions/dead-letters";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set-aside events" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function outcome(params: Record<string, string | string[] | undefined>): string | null {
  const at = (name: string) => (typeof params[name] === "string" && /^\d+$/.test(params[name]) ? params[name] : null);
  if (at("retried")) return `Event ${at("retried")} is folded into its session now.`;
  if (at("failed")) return `Event ${at("failed")} still cannot be folded; it stays aside.`;
  if (at("discarded")) return `Event ${at("discarded")} is discarded: it stays out of sessions, and in the store.`;
  return null;
}

export default async function DeadLettersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireViewer("admin.manage");
  const [letters, params] = await Promise.all([listSetAsideEvents(), searchParams]);
  const said = outcome(params);
  return (
    <div className="space-y-5">
      <AdminTabs current="/admin/dead-letters" />
      <p className="text-sm text-slate-500">
        Events the session projector could not fold, set aside so that every event after them is still projected. Each stays in the store as it arrived: open it
        raw in the explorer. Retry once the cause is fixed; discard to stop counting it (it stays out of sessions). The count is in <code>GET /api/health</code>
        .
      </p>
      {said && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm dark:border-amber-700 dark:bg-amber-950">
          {said}
        </p>
      )}
      <DataTable label="Set-aside events" columns={["Position", "Projection", "What failed", "Set aside", "Attempts", ""]}>
        {letters.length === 0 && <EmptyRow columns={6}>No events are set aside.</EmptyRow>}
        {letters.map((l) => (
          <Row key={l.position}>
            <Cell className="font-mono text-xs">
              <Link href={`/events?event=${l.position}`} className="underline">
                {l.position}
              </Link>
            </Cell>
            <Cell>{l.projection}</Cell>
            <Cell className="font-mono text-xs">{l.errorKind}</Cell>
            <Cell className="text-xs text-slate-500">{formatWallClock(l.setAsideAt.getTime())}</Cell>
            <Cell>{l.attempts}</Cell>
            <Cell className="flex gap-3">
              <form action={retryDeadLetterAction}>
                <input type="hidden" name="position" value={l.position} />
                <button type="submit" className="text-xs underline">
                  Retry
                </button>
              </form>
              <form action={discardDeadLetterAction}>
                <input type="hidden" name="position" value={l.position} />
                <ConfirmButton question={`Discard event ${l.position}? It stays in the store and out of every session.`} className={buttonClass("danger")}>
                  Discard
                </ConfirmButton>
              </form>
            </Cell>
          </Row>
        ))}
      </DataTable>
    </div>
  );
}
