import type { Metadata } from "next";
import Link from "next/link";
import { AnalyticsHeader, percent } from "@/components/analytics/analytics-header";
import { OverviewChart } from "@/components/analytics/overview-chart";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { readRange, rangeQuery } from "@/lib/analytics/range";
import { getOverview } from "@/lib/data/analytics";
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
  const overview = await getOverview(readRange(await searchParams));
  const { totals, previousTotals: before, range, previous } = overview;
  const drill = (extra: Record<string, string>) => `/sessions?${rangeQuery(range, extra)}`;
  const cards = [
    { label: "Sessions", value: totals.sessions.toLocaleString("en-GB"), delta: <Delta now={totals.sessions} before={before.sessions} />, href: drill({}) },
    { label: "Users", value: totals.users.toLocaleString("en-GB"), delta: <Delta now={totals.users} before={before.users} />, href: null },
    {
      label: "Bookings",
      value: totals.bookings.toLocaleString("en-GB"),
      delta: <Delta now={totals.bookings} before={before.bookings} />,
      href: drill({ outcome: "completed" }),
    },
    { label: "Conversion", value: percent(totals.conversion), delta: <Delta now={totals.conversion} before={before.conversion} asRate />, href: null },
    {
      label: "Abandoned bookings",
      value: totals.abandoned.toLocaleString("en-GB"),
      delta: <Delta now={totals.abandoned} before={before.abandoned} upIsGood={false} />,
      href: drill({ outcome: "abandoned" }),
    },
    {
      label: "Abandonment",
      value: percent(totals.abandonment),
      delta: <Delta now={totals.abandonment} before={before.abandonment} asRate upIsGood={false} />,
      href: null,
    },
  ];
  return (
    <div className="space-y-5">
      <AnalyticsHeader current="overview" range={range} />
      <section aria-label="Totals" className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-6">
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
            <p className="text-xs">
              {c.delta}{" "}
              <span className="text-slate-400">
                vs {previous.from} – {previous.to}
              </span>
            </p>
          </Card>
        ))}
      </section>
      <Card>
        <h2 className="mb-2 text-sm font-semibold">Per day</h2>
        <OverviewChart series={overview.series} />
      </Card>
      <DataTable
        label="Per day"
        columns={[
          "Day",
          ["Sessions", "text-right"],
          ["Users", "text-right"],
          ["Bookings", "text-right"],
          ["Abandoned bookings", "text-right"],
          ["Conversion", "text-right"],
        ]}
      >
        {overview.series.map((d) => (
          <Row key={d.day}>
            <Cell dense>{d.day}</Cell>
            <Cell dense numeric>
              <Link className="hover:underline" href={`/sessions?${rangeQuery({ from: d.day, to: d.day })}`}>
                {d.sessions}
              </Link>
            </Cell>
            <Cell dense numeric>
              {d.users}
            </Cell>
            <Cell dense numeric>
              <Link className="hover:underline" href={`/sessions?${rangeQuery({ from: d.day, to: d.day }, { outcome: "completed" })}`}>
                {d.bookings}
              </Link>
            </Cell>
            <Cell dense numeric>
              <Link className="hover:underline" href={`/sessions?${rangeQuery({ from: d.day, to: d.day }, { outcome: "abandoned" })}`}>
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
        Conversion: booked sessions of all sessions. Abandonment: booking starts not completed (abandoned of abandoned + booked). A session counts on the day it
        started.
      </p>
    </div>
  );
}
