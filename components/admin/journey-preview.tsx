import { formatWallClock } from "../replay/format-time";
import { Badge } from "../ui/badge";
import { Cell, DataTable, Row } from "../ui/data-table";
import { EmptyState } from "../ui/empty-state";
import type { DraftPreview } from "@/lib/data/journey-admin";

const OUTCOME_TONE = { completed: "emerald", abandoned: "rose", browsed: "slate", live: "sky" } as const;

/** How recent sessions would fold with a draft (its journey, step reached, outcome) beside how they fold now. */
export function JourneyPreview({ preview, name }: { preview: DraftPreview; name: string }) {
  const { rows, sampled, claimed, steps } = preview;
  return (
    <section aria-label="Draft preview" className="space-y-2">
      <h2 className="font-semibold">Preview</h2>
      <p className="text-sm text-slate-500">
        Of the {sampled} most recent sessions, the draft would claim {claimed}. Sessions are shown as they are cut now; new boundaries apply once saved.
        {rows.length < claimed ? ` The first ${rows.length} are listed.` : ""}
      </p>
      {rows.length === 0 ? (
        <EmptyState>No recent session would be a “{name}” session, and none is one now.</EmptyState>
      ) : (
        <DataTable label="Sessions folded with the draft" columns={["Session", "Started", "Now", "With the draft", ["Step reached", ""], "Outcome"]}>
          {rows.map((r) => (
            <Row key={r.id}>
              <Cell className="font-mono text-xs">{r.id}</Cell>
              <Cell className="whitespace-nowrap text-xs text-slate-500">{formatWallClock(Date.parse(r.startedAt))}</Cell>
              <Cell className="text-xs">
                {r.current.journey} · {r.current.outcome}
                <div className="text-slate-500">{r.current.lastStep}</div>
              </Cell>
              <Cell className="text-xs">{r.draft.journey === r.current.journey ? r.draft.journey : <strong>{r.draft.journey}</strong>}</Cell>
              <Cell className="text-xs">
                {r.draft.stepReached ?? "none"}{" "}
                <span className="text-slate-500">
                  ({r.draft.stepsReached}/{r.draft.journey === name ? steps : "—"})
                </span>
              </Cell>
              <Cell>
                <Badge tone={OUTCOME_TONE[r.draft.outcome]}>{r.draft.outcomeLabel}</Badge>
              </Cell>
            </Row>
          ))}
        </DataTable>
      )}
    </section>
  );
}
