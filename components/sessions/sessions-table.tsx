import { outcomeLabelOf } from "@/lib/journeys/registry";
import Link from "next/link";
import { formatElapsed, formatWallClock } from "@/components/replay/format-time";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { endReasonWord } from "@/lib/format/end-reason-word";
import { OutcomeBadge } from "./outcome-badge";

type SessionLine = {
  id: string;
  startedAt: string;
  durationMs: number;
  journey?: string;
  outcome: string;
  /** the stored outcome in the journey's own words (any journey, stored definitions too) */
  outcomeLabel?: string;
  eventCount: number;
  lastStep: string;
  userId?: string | null;
  personName?: string | null;
  endReason?: string;
};

/**
 * The one list of sessions, each row opening its replay: every customer's on /sessions (with a
 * Customer column), one customer's on their page (with how each ended).
 */
export function SessionsTable({ sessions, show }: { sessions: SessionLine[]; show: "customer" | "ended" }) {
  const columns = show === "customer" ? ["Started", "Customer", "Duration", "Outcome"] : ["Started", "Duration", "Outcome", "Ended"];
  return (
    <DataTable label="Sessions" columns={[...columns, ["Events", "text-right"], "Left off at"]}>
      {sessions.map((s) => (
        <Row key={s.id} hover>
          <Cell>
            <Link className="text-amber-700 hover:underline dark:text-amber-400" href={`/sessions/${encodeURIComponent(s.id)}`}>
              {formatWallClock(Date.parse(s.startedAt))}
            </Link>
          </Cell>
          {show === "customer" && (
            <Cell>
              <span className="font-mono text-xs text-slate-500">{s.userId ?? "visitor"}</span> {s.personName}
            </Cell>
          )}
          <Cell className="font-mono text-xs tabular-nums">{formatElapsed(s.durationMs)}</Cell>
          <Cell>
            <OutcomeBadge outcome={s.outcome} label={s.outcomeLabel ?? outcomeLabelOf(s.journey ?? "generic", s.outcome)} />
          </Cell>
          {show === "ended" && <Cell className="text-slate-500">{s.endReason ? endReasonWord(s.endReason) : ""}</Cell>}
          <Cell numeric>{s.eventCount}</Cell>
          <Cell>{s.lastStep}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}
