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
  /** a search's first matching event: the row opens the replay there */
  firstMatch?: { position: number } | null;
};

/**
 * The one list of sessions, each row opening its replay: every customer's on /sessions (with a
 * Customer column), one customer's on their page (with how each ended). `stacked`: on a phone each
 * row is a block of named lines instead of a table that scrolls sideways.
 */
export function SessionsTable({ sessions, show, stacked = false }: { sessions: SessionLine[]; show: "customer" | "ended"; stacked?: boolean }) {
  // A cell names its column only in a stacked table (where it shows on a phone).
  const named = (column: string) => (stacked ? column : undefined);
  const columns = show === "customer" ? ["Started", "Customer", "Duration", "Outcome"] : ["Started", "Duration", "Outcome", "Ended"];
  return (
    <DataTable stacked={stacked} label="Sessions" columns={[...columns, ["Events", "text-right"], "Left off at"]}>
      {sessions.map((s) => (
        <Row key={s.id} hover stacked={stacked}>
          <Cell label={named("Started")}>
            <Link
              className="text-amber-700 hover:underline dark:text-amber-400"
              href={`/sessions/${encodeURIComponent(s.id)}${s.firstMatch ? `?at=${s.firstMatch.position}` : ""}`}
            >
              {formatWallClock(Date.parse(s.startedAt))}
            </Link>
          </Cell>
          {show === "customer" && (
            <Cell label={named("Customer")}>
              <span className="font-mono text-xs text-slate-500">{s.userId ?? "visitor"}</span> {s.personName}
            </Cell>
          )}
          <Cell label={named("Duration")} className="font-mono text-xs tabular-nums">
            {formatElapsed(s.durationMs)}
          </Cell>
          <Cell label={named("Outcome")}>
            <OutcomeBadge outcome={s.outcome} label={s.outcomeLabel ?? outcomeLabelOf(s.journey ?? "generic", s.outcome)} />
          </Cell>
          {show === "ended" && (
            <Cell label={named("Ended")} className="text-slate-500">
              {s.endReason ? endReasonWord(s.endReason) : ""}
            </Cell>
          )}
          <Cell label={named("Events")} numeric>
            {s.eventCount}
          </Cell>
          <Cell label={named("Left off at")}>{s.lastStep}</Cell>
        </Row>
      ))}
    </DataTable>
  );
}
