import { ActionForm } from "@/components/admin/action-form";
import { formatWallClock } from "@/components/replay/format-time";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyRow } from "@/components/ui/empty-state";
import { eraseCustomerAction } from "@/lib/actions/erasure";
import type { ErasureSummary } from "@/lib/erasure/erasure-list";

const COLUMNS = ["Customer", "Reason", "Erased", "Changed"];
const input = "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-950";

/** The erasure form: whom (a user id or reference) and why (required); asks first, since it cannot be undone. */
export function EraseCustomerForm() {
  return (
    <ActionForm
      action={eraseCustomerAction}
      label="Erase this customer"
      confirm="Erase this customer's personal data from every event, read model, note and archive? This cannot be undone."
    >
      <label className="block text-sm">
        User id or reference <input name="customer" required maxLength={500} autoComplete="off" placeholder="usr-00042 or cus_…" className={input} />
      </label>
      <label className="block text-sm">
        Reason <input name="reason" required minLength={3} maxLength={500} placeholder="erasure request, ticket 1234" className={input} />
      </label>
      <p className="text-xs text-slate-500">
        Their sessions stay, under their reference, with each personal value shown as [erased]; figures do not change. The reason goes on record with who erased
        and when.
      </p>
    </ActionForm>
  );
}

/** Past erasures, from their records in the chain: whom by reference, why, who and when, how much changed. */
export function ErasuresTable({ rows }: { rows: ErasureSummary[] }) {
  return (
    <DataTable label="Erasures" columns={COLUMNS} stacked>
      {rows.length === 0 && <EmptyRow columns={COLUMNS.length}>No customer has been erased.</EmptyRow>}
      {rows.map((r) => (
        <Row key={r.record} stacked>
          <Cell label="Customer">
            <span className="break-all font-mono text-sm">{r.reference}</span>
          </Cell>
          <Cell label="Reason" className="text-sm">
            {r.reason}
          </Cell>
          <Cell label="Erased" className="text-xs text-slate-500">
            {formatWallClock(r.at.getTime())} by {r.by}
          </Cell>
          <Cell label="Changed" className="text-xs text-slate-500">
            {r.events} events{r.archived > 0 ? `, ${r.archived} archived` : ""}; record at position {r.record}
            {!r.finished && <span className="block text-red-700 dark:text-red-400">Did not finish (see the server&apos;s log): erase again.</span>}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
