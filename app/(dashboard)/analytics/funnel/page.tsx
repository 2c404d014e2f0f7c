import type { Metadata } from "next";
import Link from "next/link";
import { EmptyRange, isEmptyRange } from "@/components/analytics/empty-range";
import { AnalyticsHeader, formatSeconds, percent } from "@/components/analytics/analytics-header";
import { FunnelChart } from "@/components/analytics/funnel-chart";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterChips } from "@/components/ui/filter-chips";
import { rangeQuery } from "@/lib/analytics/range";
import { analyticsView, getFunnel } from "@/lib/data/analytics";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Funnel" };

const link = "text-amber-700 hover:underline dark:text-amber-400";
/** The step table's columns, named after the journey's first step; a phone shows each beside its value. */
const STEP_COLUMNS = (first: string): (string | [string, string])[] => [
  "Step",
  ["Sessions", "text-right"],
  [`Of “${first}”`, "text-right"],
  ["Of previous", "text-right"],
  ["Median time from previous", "text-right"],
  ["Dropped off here", "text-right"],
  "Why they stopped",
];
const chip = "inline-block rounded-full bg-slate-100 px-2 py-0.5 text-xs hover:bg-amber-100 dark:bg-slate-800 dark:hover:bg-amber-900";

export default async function FunnelPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("analytics.view");
  const params = await searchParams;
  const { range, view } = await analyticsView(params);
  const { journey } = view;
  // A breakdown by one of this journey's dimensions (another journey's key means none).
  const by = journey.dimensions.find((d) => d.key === params.by) ?? null;
  if (isEmptyRange(view)) {
    return (
      <div className="space-y-5">
        <AnalyticsHeader current="funnel" range={range} view={view} />
        <EmptyRange path="/analytics/funnel" range={range} journey={journey} span={view.span} />
      </div>
    );
  }
  const { rows, steps, breakdown, remainder, sessions: total } = await getFunnel(journey, range, by);
  const sessions = (extra: Record<string, string | number>) => `/sessions?${rangeQuery(range, { journey: journey.name, back: "funnel", ...extra })}`;
  const funnelHref = (extra: Record<string, string | undefined>) => `/analytics/funnel?${rangeQuery(range, { journey: journey.name, ...extra })}`;
  if (steps.length === 0) {
    return (
      <div className="space-y-5">
        <AnalyticsHeader current="funnel" range={range} view={view} />
        <EmptyState>{journey.label} have no steps, so no funnel: its sessions are in the overview and the paths.</EmptyState>
      </div>
    );
  }
  const columns = STEP_COLUMNS(steps[0]!.label);
  const [, sessionsWord, ofFirst, ofPrevious, median, dropped, why] = columns.map((c) => (typeof c === "string" ? c : c[0]));
  return (
    <div className="space-y-5">
      <AnalyticsHeader current="funnel" range={range} view={view} extra={{ by: by?.key }} />
      <Card>
        {/* Bars of nothing on an empty axis look like a fault: say it instead. */}
        {rows[0]!.count > 0 ? <FunnelChart rows={rows} /> : <EmptyState>No session of {journey.label.toLowerCase()} in this range reached a step.</EmptyState>}
      </Card>
      <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="funnel-sessions">
        {total.toLocaleString("en-GB")} {total === 1 ? "session" : "sessions"} in the range; {(total - (rows[0]?.count ?? 0)).toLocaleString("en-GB")} never
        reached “{steps[0]!.label}”.
      </p>
      <DataTable label="Funnel" columns={columns} stacked>
        {rows.map((r) => (
          <Row key={r.key} stacked className="align-top" data-step={r.key}>
            <Cell className="block font-medium sm:table-cell">{r.label}</Cell>
            <Cell numeric label={sessionsWord}>
              <Link className={link} href={sessions({ reached: r.index + 1 })}>
                {r.count.toLocaleString("en-GB")}
              </Link>
            </Cell>
            <Cell numeric label={ofFirst}>
              {percent(r.fromStart)}
            </Cell>
            <Cell numeric label={ofPrevious}>
              {percent(r.fromPrevious)}
            </Cell>
            <Cell numeric label={median}>
              {r.index === 0 ? "—" : formatSeconds(r.medianSeconds)}
            </Cell>
            <Cell numeric label={dropped}>
              {/* One span: a phone's stacked cell spreads its children apart. */}
              <span>
                <Link className={link} href={sessions({ depth: r.index + 1, dropped: 1 })} aria-label={`${r.dropOff} dropped off after ${r.label}`}>
                  {r.dropOff.toLocaleString("en-GB")}
                </Link>
                {/* What those customers did next: returns, later completions, their next session. */}
                {r.dropOff > 0 && (
                  <Link
                    className={`${link} ml-2 text-xs`}
                    href={`/analytics/after-drop-off?${rangeQuery(range, { journey: journey.name, step: r.key })}`}
                    aria-label={`What came after dropping off after ${r.label}`}
                  >
                    what next →
                  </Link>
                )}
              </span>
            </Cell>
            <Cell label={why} className={r.reasons.length === 0 ? "max-sm:hidden" : undefined}>
              <ul className="flex flex-wrap gap-1">
                {r.reasons.map((reason) => (
                  <li key={reason.reason}>
                    <Link href={sessions({ depth: r.index + 1, reason: reason.reason })} className={chip}>
                      {reason.label} · {reason.count.toLocaleString("en")}
                    </Link>
                  </li>
                ))}
              </ul>
            </Cell>
          </Row>
        ))}
      </DataTable>

      {journey.dimensions.length > 0 && (
        <section id="breakdown" className="scroll-mt-4 space-y-2">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <h2 className="font-semibold">Breakdown</h2>
            <FilterChips
              label="Breakdown"
              items={[null, ...journey.dimensions].map((d) => ({
                key: d?.key ?? "none",
                text: d?.label ?? "none",
                // To the breakdown itself: choosing one reloads the page, which would otherwise open at its top.
                href: `${funnelHref({ by: d?.key })}#breakdown`,
                current: d?.key === by?.key,
              }))}
            />
          </div>
          {by && (
            <a
              href={`/analytics/export/funnel-breakdown?${rangeQuery(range, { journey: journey.name, by: by.key })}`}
              className={buttonClass("outline", "inline-block")}
            >
              Export the breakdown as CSV
            </a>
          )}
          {by && (
            <DataTable
              label={`Funnel by ${by.label}`}
              columns={[by.label, ...steps.map((s) => [s.label, "text-right"] as [string, string]), ["Conversion", "text-right"]]}
            >
              {breakdown.map((b) => (
                <Row key={b.value}>
                  <Cell className="font-medium">
                    {b.label}
                    {/* "Malta (MLA)" names its code already, "iOS" its value "ios" */}
                    {!b.label.toLowerCase().includes(b.value.toLowerCase()) && <span className="ml-1 text-xs text-slate-500">{b.value}</span>}
                  </Cell>
                  {b.rows.map((r) => (
                    <Cell key={r.key} numeric>
                      <Link className={link} href={sessions({ reached: r.index + 1, dim: by.key, value: b.value })}>
                        {r.count.toLocaleString("en-GB")}
                      </Link>
                    </Cell>
                  ))}
                  <Cell numeric>{percent(b.rows[b.rows.length - 1]!.fromStart)}</Cell>
                </Row>
              ))}
              {/* So each step's column adds up to the funnel's (see remainderRows). */}
              {remainder.other && <RemainderRow name={`Other (${remainder.other.values.toLocaleString("en-GB")} values)`} counts={remainder.other.counts} />}
              {remainder.none && <RemainderRow name="(none)" hint={`no ${by.label.toLowerCase()} recorded`} counts={remainder.none} />}
            </DataTable>
          )}
        </section>
      )}
      <p className="text-xs text-slate-500">
        A step counts sessions that reached it and every step before it, in order; the first column of rates is of the sessions that reached the first step (the
        overview&apos;s conversion is of all sessions). Breakdowns show the 12 largest values, counted at the first step, the rest summed as Other. Drop-offs
        reached a step, not the next, and ended without completing (a live session has not dropped off yet); their reasons come from where they stopped. Times
        are the lower median, in whole seconds.
      </p>
    </div>
  );
}

/** A breakdown row standing for several values, or for none: counted, not linked (no one value to list the sessions of). */
function RemainderRow({ name, counts, hint }: { name: string; counts: number[]; hint?: string }) {
  const first = counts[0] ?? 0;
  return (
    <Row data-value={name}>
      <Cell className="font-medium text-slate-600 dark:text-slate-300">
        {name}
        {hint && <span className="ml-1 text-xs text-slate-500">{hint}</span>}
      </Cell>
      {counts.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one cell per funnel step, in the steps' fixed order
        <Cell key={i} numeric>
          {n.toLocaleString("en-GB")}
        </Cell>
      ))}
      <Cell numeric>{percent(first === 0 ? 0 : (counts.at(-1) ?? 0) / first)}</Cell>
    </Row>
  );
}
