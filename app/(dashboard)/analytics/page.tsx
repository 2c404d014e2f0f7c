import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { EmptyRange, isEmptyRange } from "@/components/analytics/empty-range";
import { AnalyticsHeader, percent } from "@/components/analytics/analytics-header";
import { OverviewChart } from "@/components/analytics/overview-chart";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { rangeQuery } from "@/lib/analytics/range";
import { analyticsView, getOverview } from "@/lib/data/analytics";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Analytics" };

/** A change against the previous period, green when it is good news (more abandonment is not). */
function Delta({ now, before, asRate = false, upIsGood = true }: { now: number; before: number; asRate?: boolean; upIsGood?: boolean }) {
  const tone = (up: boolean) => (up === upIsGood ? "text-emerald-600" : "text-red-600");
  if (asRate) {
    const points = (now - before) * 100;
    return <span className={tone(points >= 0)}>{`${points >= 0 ? "+" : ""}${points.toFixed(1)} pts`}</span>;
  }
  if (before === 0) return <span className="text-slate-400">no data before</span>;
  const change = (now - before) / before;
  return <span className={tone(change >= 0)}>{`${change >= 0 ? "+" : ""}${(change * 100).toFixed(1)}%`}</span>;
}

export default async function AnalyticsOverviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("analytics.view");
  const { range, view } = await analyticsView(await searchParams);
  const { journey } = view;
  if (isEmptyRange(view)) {
    return (
      <div className="space-y-5">
        <AnalyticsHeader current="overview" range={range} view={view} />
        <EmptyRange path="/analytics" range={range} journey={journey} span={view.span} />
      </div>
    );
  }
  const overview = await getOverview(journey, range, view.span, view.unfinished);
  const { totals, previousTotals: before, previous, comparison } = overview;
  // No change against a period the store does not cover whole (or with today in the range): the note says why instead.
  const delta = (node: ReactNode) => (comparison.compare ? node : null);
  // The sessions behind a number: this journey's, started in the range (or on one day).
  const drill = (extra: Record<string, string>, days = range) => `/sessions?${rangeQuery(days, { journey: journey.name, back: "overview", ...extra })}`;
  const word = (outcome: "completed" | "abandoned" | "browsed" | "live") => {
    const label = journey.outcomeLabel(undefined, outcome);
    return label.charAt(0).toUpperCase() + label.slice(1);
  };
  const count = (n: number) => n.toLocaleString("en-GB");
  const cards = [
    { label: "Sessions", value: count(totals.sessions), delta: delta(<Delta now={totals.sessions} before={before.sessions} />), href: drill({}) },
    { label: "Users", value: count(totals.users), delta: delta(<Delta now={totals.users} before={before.users} />), href: null },
    {
      label: word("completed"),
      outcome: "completed" as const,
      value: count(totals.completed),
      delta: delta(<Delta now={totals.completed} before={before.completed} />),
      href: drill({ outcome: "completed" }),
    },
    { label: "Conversion", value: percent(totals.conversion), delta: delta(<Delta now={totals.conversion} before={before.conversion} asRate />), href: null },
    {
      label: word("abandoned"),
      outcome: "abandoned" as const,
      value: count(totals.abandoned),
      delta: delta(<Delta now={totals.abandoned} before={before.abandoned} upIsGood={false} />),
      href: drill({ outcome: "abandoned" }),
    },
    {
      label: "Abandonment",
      value: percent(totals.abandonment),
      delta: delta(<Delta now={totals.abandonment} before={before.abandonment} asRate upIsGood={false} />),
      href: null,
    },
    { label: word("browsed"), value: count(overview.browsed), delta: null, href: drill({ outcome: "browsed" }), outcome: "browsed" as const },
    { label: word("live"), value: count(overview.live), delta: null, href: drill({ outcome: "live" }), outcome: "live" as const },
  ];
  return (
    <div className="space-y-5">
      <AnalyticsHeader current="overview" range={range} view={view} />
      {!comparison.compare && (
        <p className="text-xs text-slate-500" data-testid="no-comparison">
          Not compared with {previous.from} – {previous.to}: {comparison.why}.
        </p>
      )}
      <section aria-label="Totals" className="grid grid-cols-2 gap-3 md:grid-cols-4">
        {cards.map((c) => (
          <Card as="div" key={c.label} data-metric={c.label}>
            <p className="text-xs uppercase tracking-wide text-slate-500">{c.label}</p>
            <p className="text-2xl font-semibold tabular-nums">
              {c.href ? (
                <Link href={c.href} className="hover:underline">
                  {c.value}
                </Link>
              ) : (
                c.value
              )}
            </p>
            {"outcome" in c && c.outcome && overview.finer[c.outcome].length > 0 && (
              <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="finer-outcomes">
                of which {overview.finer[c.outcome].map((f) => `${count(f.count)} ${f.label}`).join(", ")}
              </p>
            )}
            <p className="text-xs">
              {c.delta ?? <span className="text-slate-400">in the range</span>}{" "}
              {c.delta && (
                <span className="text-slate-400">
                  vs {previous.from} – {previous.to}
                </span>
              )}
            </p>
          </Card>
        ))}
      </section>
      <Card>
        <h2 className="mb-2 text-sm font-semibold">Per day</h2>
        <OverviewChart series={overview.series} words={{ completed: word("completed"), abandoned: word("abandoned") }} />
      </Card>
      <DataTable
        label="Per day"
        columns={[
          "Day",
          ["Sessions", "text-right"],
          ["Users", "text-right"],
          [word("completed"), "text-right"],
          [word("abandoned"), "text-right"],
          ["Conversion", "text-right"],
        ]}
      >
        {overview.series.map((d) => (
          <Row key={d.day}>
            <Cell dense>
              {d.day}
              {d.unfinished && <span className="ml-1 text-xs text-amber-700 dark:text-amber-400">so far</span>}
            </Cell>
            <Cell dense numeric>
              <Link className="hover:underline" href={drill({}, { from: d.day, to: d.day })}>
                {d.sessions}
              </Link>
            </Cell>
            <Cell dense numeric>
              {d.users}
            </Cell>
            <Cell dense numeric>
              <Link className="hover:underline" href={drill({ outcome: "completed" }, { from: d.day, to: d.day })}>
                {d.completed}
              </Link>
            </Cell>
            <Cell dense numeric>
              <Link className="hover:underline" href={drill({ outcome: "abandoned" }, { from: d.day, to: d.day })}>
                {d.abandoned}
              </Link>
            </Cell>
            <Cell dense numeric>
              {percent(d.conversion)}
            </Cell>
          </Row>
        ))}
      </DataTable>
      <p className="text-xs text-slate-500">
        Conversion: {journey.outcomeLabel(undefined, "completed")} sessions of all sessions. Abandonment: {journey.outcomeLabel(undefined, "abandoned")} of{" "}
        {journey.outcomeLabel(undefined, "abandoned")} and {journey.outcomeLabel(undefined, "completed")} together. A session counts on the day it started.
      </p>
    </div>
  );
}
