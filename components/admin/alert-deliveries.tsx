import { ActionForm } from "@/components/admin/action-form";
import { formatWallClock } from "@/components/replay/format-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyRow } from "@/components/ui/empty-state";
import { sendAlertAgainAction } from "@/lib/actions/alerts";
import type { DeliveryRow } from "@/lib/data/alerts";

const COLUMNS = ["Fired", "Session", "Delivery", "Attempts and answers", ""];
const TONE: Record<string, BadgeTone> = { delivered: "emerald", pending: "amber-soft", failed: "red", none: "slate" };
const WORD: Record<string, string> = { delivered: "delivered", pending: "retrying", failed: "gave up after 24 h", none: "no webhook" };

/** The latest fired alerts: what each delivery's attempts got back, and "Send again". */
export function AlertDeliveries({ deliveries }: { deliveries: DeliveryRow[] }) {
  return (
    <DataTable label="Deliveries" columns={COLUMNS} stacked>
      {deliveries.length === 0 && <EmptyRow columns={COLUMNS.length}>No alert has fired yet.</EmptyRow>}
      {deliveries.map((d) => (
        <Row key={d.id} stacked>
          <Cell label="Fired" className="text-xs">
            <span className="block font-medium text-sm">{d.ruleName}</span>
            {formatWallClock(Date.parse(d.occurredAt))}
            <span className="block font-mono text-slate-500">{d.id}</span>
          </Cell>
          <Cell label="Session" className="text-xs">
            <span className="block break-all font-mono">{d.session.id}</span>
            {d.session.customer} · stopped at “{d.session.stepLabel}”{d.session.dropReasonLabel ? ` (${d.session.dropReasonLabel})` : ""}
          </Cell>
          <Cell label="Delivery" className="text-xs">
            <Badge tone={TONE[d.delivery] ?? "slate"}>{WORD[d.delivery] ?? d.delivery}</Badge>
            {d.nextAttemptAt && <span className="block text-slate-500">next {formatWallClock(Date.parse(d.nextAttemptAt))}</span>}
          </Cell>
          <Cell label="Attempts and answers" className="text-xs">
            {d.attempts.length === 0 ? (
              <span className="text-slate-500">{d.delivery === "none" ? "—" : "none yet"}</span>
            ) : (
              <ol className="space-y-0.5">
                {d.attempts.map((a) => (
                  <li key={a.at} className="break-words">
                    <span className="text-slate-500">{formatWallClock(Date.parse(a.at))}</span>{" "}
                    <span className={a.status !== null && a.status < 300 ? "text-emerald-700 dark:text-emerald-400" : "text-red-700 dark:text-red-400"}>
                      {a.status ?? "no answer"}
                    </span>{" "}
                    {a.answer && <span className="font-mono">{a.answer}</span>}{" "}
                    <span className="text-slate-500">
                      ({a.durationMs} ms{a.manual ? ", sent again" : ""})
                    </span>
                  </li>
                ))}
              </ol>
            )}
          </Cell>
          <Cell label="" className="sm:text-right">
            {d.delivery !== "none" && (
              <ActionForm action={sendAlertAgainAction} label="Send again" compact className="space-y-1">
                <input type="hidden" name="id" value={d.id} />
              </ActionForm>
            )}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
