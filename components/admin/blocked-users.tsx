import { ActionForm } from "@/components/admin/action-form";
import { formatWallClock } from "@/components/replay/format-time";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyRow } from "@/components/ui/empty-state";
import { blockUserAction, unblockUserAction } from "@/lib/actions/blocked-users";
import type { BlockedUserRow } from "@/lib/data/blocked-users";

const COLUMNS = ["User id", "Reason", "Blocked", ""];
const input = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** The form that blocks a user id from ingestion, with the reason producers are told. */
export function BlockUserForm() {
  return (
    <ActionForm action={blockUserAction} label="Block from ingestion">
      <label className="block text-sm">
        User id <input name="userId" required maxLength={512} autoComplete="off" placeholder="the id events carry as userid" className={input} />
      </label>
      <label className="block text-sm">
        Reason <input name="reason" required maxLength={500} placeholder="erased on request, ticket 1234" className={input} />
      </label>
      <p className="text-xs text-slate-500">
        Producers are told the reason when an event of theirs is refused (422); the whole request it came in is refused with it.
      </p>
    </ActionForm>
  );
}

/** The blocked user ids (masked when personal, as every page shows them), each with its unblock (asks first). */
export function BlockedUsersTable({ rows }: { rows: BlockedUserRow[] }) {
  return (
    <DataTable label="Blocked user ids" columns={COLUMNS} stacked>
      {rows.length === 0 && <EmptyRow columns={COLUMNS.length}>No user id is blocked: every valid event is accepted.</EmptyRow>}
      {rows.map((r) => (
        <Row key={r.token} stacked>
          <Cell label="User id">
            <span className="break-all font-mono text-sm">{r.userId}</span>
            {r.reference && <span className="block font-mono text-xs text-slate-500">{r.reference}</span>}
          </Cell>
          <Cell label="Reason" className="text-sm">
            {r.reason}
          </Cell>
          <Cell label="Blocked" className="text-xs text-slate-500">
            {formatWallClock(r.blockedAt.getTime())} by {r.blockedBy}
          </Cell>
          <Cell label="" className="sm:text-right">
            <ActionForm
              action={unblockUserAction}
              label="Unblock"
              compact
              className="space-y-1"
              confirm="Unblock this user id? Its events are accepted again from now on (events refused while it was blocked are not recovered)."
            >
              <input type="hidden" name="token" value={r.token} />
            </ActionForm>
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
