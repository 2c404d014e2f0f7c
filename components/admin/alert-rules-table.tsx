import { ActionForm } from "@/components/admin/action-form";
import { formatWallClock } from "@/components/replay/format-time";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyRow } from "@/components/ui/empty-state";
import { deleteAlertRuleAction, rotateAlertSecretAction } from "@/lib/actions/alerts";
import type { AlertRuleRow } from "@/lib/alerts/alert-rules";

const COLUMNS = ["Name", "Fires when", "Webhook", "Fired", "Created", ""];

/** The rules, each with its delete (asks first) and its secret's rotation (the new one shown once). */
export function AlertRulesTable({ rules, stepLabel }: { rules: AlertRuleRow[]; stepLabel: (journey: string, step: string) => string }) {
  return (
    <DataTable label="Alert rules" columns={COLUMNS} stacked>
      {rules.length === 0 && <EmptyRow columns={COLUMNS.length}>No alert rules yet.</EmptyRow>}
      {rules.map((r) => (
        <Row key={r.id} stacked>
          <Cell label="Name">
            <span className="font-medium">{r.name}</span>
            <span className="block font-mono text-xs text-slate-500">{r.id}</span>
          </Cell>
          <Cell label="Fires when" className="text-sm">
            a {r.journey} session stopped at “{stepLabel(r.journey, r.step)}”{r.dropReason ? ` (${r.dropReason.replaceAll("_", " ")})` : ""}, nothing further
            for {r.afterMinutes} min
          </Cell>
          <Cell label="Webhook" className="break-all font-mono text-xs">
            {r.webhookUrl ?? "none (work queue only)"}
          </Cell>
          <Cell label="Fired">{r.fired}</Cell>
          <Cell label="Created" className="text-xs text-slate-500">
            {formatWallClock(r.createdAt.getTime())} by {r.createdBy}
          </Cell>
          <Cell label="" className="space-y-1 sm:text-right">
            <ActionForm action={rotateAlertSecretAction} label="Rotate secret" compact className="space-y-1">
              <input type="hidden" name="id" value={r.id} />
            </ActionForm>
            <ActionForm
              action={deleteAlertRuleAction}
              label="Delete"
              compact
              className="space-y-1"
              confirm={`Delete the alert rule “${r.name}”? Its alerts and their deliveries go with it.`}
            >
              <input type="hidden" name="id" value={r.id} />
            </ActionForm>
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
