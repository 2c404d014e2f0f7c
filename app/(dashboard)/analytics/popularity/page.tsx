import type { Metadata } from "next";
import Link from "next/link";
import { EmptyRange, isEmptyRange } from "@/components/analytics/empty-range";
import { AnalyticsHeader, percent } from "@/components/analytics/analytics-header";
import { DimensionChart } from "@/components/analytics/dimension-chart";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyRow, EmptyState } from "@/components/ui/empty-state";
import { FilterChips } from "@/components/ui/filter-chips";
import { rangeQuery } from "@/lib/analytics/range";
import { rate } from "@/lib/analytics/reports";
import { analyticsView, getDimensionPopularity, POPULARITY_PAGE_ROWS } from "@/lib/data/analytics";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Popularity" };

const link = "text-amber-700 hover:underline dark:text-amber-400";
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A journey's dimensions, one at a time: which values its sessions had, and how many of those completed. */
export default async function PopularityPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("analytics.view");
  const params = await searchParams;
  const { range, view } = await analyticsView(params);
  const { journey } = view;
  if (isEmptyRange(view)) {
    return (
      <div className="space-y-5">
        <AnalyticsHeader current="popularity" range={range} view={view} />
        <EmptyRange path="/analytics/popularity" range={range} journey={journey} span={view.span} />
      </div>
    );
  }
  const dimension = journey.dimensions.find((d) => d.key === params.dimension) ?? journey.dimensions[0] ?? null;
  if (!dimension) {
    return (
      <div className="space-y-5">
        <AnalyticsHeader current="popularity" range={range} view={view} />
        <EmptyState>{journey.label} have no dimensions to count sessions by.</EmptyState>
      </div>
    );
  }
  const { rows, remainder } = await getDimensionPopularity(journey, range, dimension.key);
  const completedWord = capital(journey.outcomeLabel(undefined, "completed"));
  const sessions = (extra: Record<string, string>) =>
    `/sessions?${rangeQuery(range, { journey: journey.name, dim: dimension.key, back: "popularity", ...extra })}`;
  return (
    <div className="space-y-5">
      <AnalyticsHeader current="popularity" range={range} view={view} extra={{ dimension: dimension.key }} />
      <FilterChips
        label="Dimension"
        items={journey.dimensions.map((d) => ({
          key: d.key,
          text: d.label,
          href: `/analytics/popularity?${rangeQuery(range, { journey: journey.name, dimension: d.key })}`,
          current: d.key === dimension.key,
        }))}
      />
      {rows.length > 0 && (
        <Card>
          <DimensionChart dimension={dimension.label} completedWord={completedWord} rows={rows} />
        </Card>
      )}
      <DataTable
        label={`Sessions by ${dimension.label}`}
        columns={[dimension.label, ["Sessions", "text-right"], [completedWord, "text-right"], ["Conversion", "text-right"]]}
        stacked
      >
        {rows.length === 0 && <EmptyRow columns={4}>No session in the range has a {dimension.label.toLowerCase()}.</EmptyRow>}
        {rows.map((r) => (
          <Row key={r.value} data-value={r.value} stacked>
            <Cell className="block font-medium sm:table-cell">
              {r.label}
              {/* "Malta (MLA)" names its code already, "iOS" its value "ios" */}
              {!r.label.toLowerCase().includes(r.value.toLowerCase()) && <span className="ml-1 text-xs text-slate-500">{r.value}</span>}
            </Cell>
            <Cell numeric label="Sessions">
              <Link className={link} href={sessions({ value: r.value })}>
                {r.sessions.toLocaleString("en-GB")}
              </Link>
            </Cell>
            <Cell numeric label={completedWord}>
              <Link className={link} href={sessions({ value: r.value, outcome: "completed" })}>
                {r.completed.toLocaleString("en-GB")}
              </Link>
            </Cell>
            <Cell numeric label="Conversion">
              {percent(rate(r.completed, r.sessions))}
            </Cell>
          </Row>
        ))}
        {/* So the rows add up to every session in the range (see remainderRows). */}
        {remainder.other && (
          <RemainderRow
            name={`Other (${remainder.other.values.toLocaleString("en-GB")} values)`}
            counts={remainder.other.counts}
            completedWord={completedWord}
          />
        )}
        {remainder.none && (
          <RemainderRow name="(none)" counts={remainder.none} completedWord={completedWord} hint={`no ${dimension.label.toLowerCase()} recorded`} />
        )}
      </DataTable>
      <p className="text-xs text-slate-500">
        Each row counts the sessions that had this value (a session with several values counts under each); the {POPULARITY_PAGE_ROWS} most common values are
        shown, the rest summed as Other, and GET /api/analytics/popularity answers up to 1,000. Conversion is {completedWord.toLowerCase()} of those sessions.
        {remainder.overlapping && " Sessions here can have several values, so the rows add up to more than the sessions in the range."}
      </p>
    </div>
  );
}

/** A row standing for several values, or for none: counted, not a link (no one value to list the sessions of). */
function RemainderRow({
  name,
  counts: [sessions = 0, completed = 0],
  completedWord,
  hint,
}: {
  name: string;
  counts: number[];
  completedWord: string;
  hint?: string;
}) {
  return (
    <Row data-value={name} stacked>
      <Cell className="block font-medium text-slate-600 sm:table-cell dark:text-slate-300">
        {name}
        {hint && <span className="ml-1 text-xs text-slate-500">{hint}</span>}
      </Cell>
      <Cell numeric label="Sessions">
        {sessions.toLocaleString("en-GB")}
      </Cell>
      <Cell numeric label={completedWord}>
        {completed.toLocaleString("en-GB")}
      </Cell>
      <Cell numeric label="Conversion">
        {percent(rate(completed, sessions))}
      </Cell>
    </Row>
  );
}
