import Link from "next/link";
import { percent } from "@/components/analytics/analytics-header";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import type { AfterDropOffSummary, Figure } from "@/lib/analytics/after-drop-off";

const link = "text-amber-700 hover:underline dark:text-amber-400";

/** A wait in the largest units that read well: "3 d 4 h", "5 h 12 min", "40 s". */
export function formatWait(seconds: number | null): string {
  if (seconds === null) return "—";
  const d = Math.floor(seconds / 86_400);
  const h = Math.floor((seconds % 86_400) / 3_600);
  const m = Math.floor((seconds % 3_600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${m} min`;
  return m > 0 ? `${m} min ${seconds % 60} s` : `${seconds} s`;
}

/** The report's figures as one table, each count opening exactly the sessions it counts (one per customer). */
export function AfterDropOffFigures({
  summary,
  hrefOf,
  ofSegment = false,
}: {
  summary: AfterDropOffSummary;
  hrefOf: Record<string, string>;
  /** the cohort is a segment's sessions, not a step's drop-offs: the first row and the rates say so */
  ofSegment?: boolean;
}) {
  const of = ofSegment ? "Of those in the segment" : "Of those who dropped off";
  const rows: { figure: Figure; label: string; customers: number; rate: number | null; wait?: string; what: string }[] = [
    ofSegment
      ? { figure: "dropped", label: "In the segment", customers: summary.customers, rate: null, what: "their first session in it" }
      : { figure: "dropped", label: "Dropped off here", customers: summary.customers, rate: null, what: "their first drop-off" },
    ...summary.cameBack.map((c) => ({
      figure: `back-${c.withinDays}` as Figure,
      label: `Came back within ${c.withinDays} ${c.withinDays === 1 ? "day" : "days"}`,
      customers: c.customers,
      rate: c.rate,
      what: "their next session",
    })),
    { figure: "back-any", label: "Came back at all", customers: summary.cameBackEver.customers, rate: summary.cameBackEver.rate, what: "their next session" },
    {
      figure: "completed",
      label: "Completed later",
      customers: summary.completedLater.customers,
      rate: summary.completedLater.rate,
      wait: formatWait(summary.completedLater.medianSeconds),
      what: "the session that completed",
    },
  ];
  return (
    <DataTable
      label={ofSegment ? "After the segment's sessions" : "After the drop-off"}
      columns={["", ["Customers", "text-right"], [of, "text-right"], ["Median wait", "text-right"], "Sessions listed"]}
      stacked
    >
      {rows.map((r) => (
        <Row key={r.figure} stacked data-figure={r.figure}>
          <Cell className="block font-medium sm:table-cell">{r.label}</Cell>
          <Cell numeric label="Customers">
            <Link className={link} href={hrefOf[r.figure]!} aria-label={`${r.customers} customers: ${r.label.toLowerCase()}`}>
              {r.customers.toLocaleString("en-GB")}
            </Link>
          </Cell>
          <Cell numeric label={of}>
            {r.rate === null ? "—" : percent(r.rate)}
          </Cell>
          <Cell numeric label="Median wait" className={r.wait ? undefined : "max-sm:hidden"}>
            {r.wait ?? "—"}
          </Cell>
          {/* On a phone the line would repeat itself on every row: the wide table alone says what a click lists. */}
          <Cell label="Sessions listed" className="text-slate-500 max-sm:hidden">
            {r.what}
          </Cell>
        </Row>
      ))}
    </DataTable>
  );
}
