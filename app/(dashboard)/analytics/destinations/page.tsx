import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { EmptyRange, isEmptyRange } from "@/components/analytics/empty-range";
import { AnalyticsHeader, percent } from "@/components/analytics/analytics-header";
import { PopularityChart } from "@/components/analytics/popularity-chart";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Cell, DataTable, Row } from "@/components/ui/data-table";
import { redirect } from "next/navigation";
import { rangeQuery } from "@/lib/analytics/range";
import { analyticsView, DEFAULT_JOURNEY, getPopularity } from "@/lib/data/analytics";
import { requireViewer } from "@/lib/data/viewer";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Destinations and offers" };

const SORTS = ["views", "starts", "bookings", "conversion", "revenue"] as const;
const sortSchema = z.enum(SORTS).catch("views");
const plural = (n: number, word: string) => `${n.toLocaleString("en-GB")} ${word}${n === 1 ? "" : "s"}`;
const money = (n: number) => `€${Math.round(n).toLocaleString("en-GB")}`;

export default async function DestinationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireViewer("analytics.view");
  const params = await searchParams;
  // The booking journey's own view: another journey's popularity is its dimensions' tables.
  if (typeof params.journey === "string" && params.journey !== DEFAULT_JOURNEY)
    redirect(`/analytics/popularity?${new URLSearchParams(params as Record<string, string>)}`);
  const { range, view } = await analyticsView({ ...params, journey: DEFAULT_JOURNEY });
  if (isEmptyRange(view)) {
    return (
      <div className="space-y-5">
        <AnalyticsHeader current="destinations" range={range} view={view} />
        <EmptyRange path="/analytics/destinations" range={range} journey={view.journey} span={view.span} />
      </div>
    );
  }
  const sort = sortSchema.parse(params.sort);
  const { destinations, offers, packages, viewedNotBooked, leastPopular, place } = await getPopularity(range);
  const drill = (extra: Record<string, string>) => `/sessions?${rangeQuery(range, { journey: DEFAULT_JOURNEY, back: "destinations", ...extra })}`;
  const order = <T extends Record<(typeof SORTS)[number], number>>(rows: T[]) => [...rows].sort((a, b) => b[sort] - a[sort]);
  const sortLink = (key: (typeof SORTS)[number], label: string) => (
    <Link
      href={`/analytics/destinations?${rangeQuery(range, { journey: DEFAULT_JOURNEY, sort: key })}`}
      className={key === sort ? "text-slate-900 underline dark:text-white" : ""}
    >
      {label}
    </Link>
  );
  const head = (first: string[]) => [
    ...first,
    ...(["views", "starts", "bookings", "conversion", "revenue"] as const).map((k) => [k, "text-right"] as [string, string]),
  ];
  return (
    <div className="space-y-5">
      <AnalyticsHeader current="destinations" range={range} view={view} extra={{ sort }} />
      <Card>
        <PopularityChart rows={destinations.map((d) => ({ ...d, destination: place(d.destination) }))} />
      </Card>
      <div className="grid gap-3 md:grid-cols-3">
        <Card aria-label="Most popular" className="text-sm">
          <h2 className="font-semibold">Most popular destinations</h2>
          <ol className="mt-1 list-inside list-decimal space-y-0.5">
            {destinations.slice(0, 5).map((d) => (
              <li key={d.destination}>
                {place(d.destination)}: {plural(d.views, "view")}, {plural(d.bookings, "booking")}
              </li>
            ))}
          </ol>
        </Card>
        <Card aria-label="Least popular" className="text-sm">
          <h2 className="font-semibold">Least popular destinations</h2>
          <ol className="mt-1 list-inside list-decimal space-y-0.5">
            {leastPopular.map((d) => (
              <li key={d.destination}>
                {place(d.destination)}: {plural(d.views, "view")}, {plural(d.bookings, "booking")}
              </li>
            ))}
          </ol>
        </Card>
        <Card aria-label="Viewed a lot, rarely booked" tone="highlight" className="text-sm">
          <h2 className="font-semibold">Viewed a lot, rarely booked</h2>
          <ul className="mt-1 space-y-0.5">
            {viewedNotBooked.offers.map((o) => (
              <li key={o.offerId}>
                {o.hotel} ({o.package}), {place(o.destination)}: {plural(o.views, "view")}, {plural(o.bookings, "booking")} ({percent(o.conversion)})
              </li>
            ))}
          </ul>
        </Card>
      </div>
      <p className="text-xs text-slate-500">
        Sort by {sortLink("views", "views")} · {sortLink("starts", "booking starts")} · {sortLink("bookings", "bookings")} ·{" "}
        {sortLink("conversion", "conversion")} · {sortLink("revenue", "revenue")}. Views, booking starts and bookings count sessions; conversion is bookings of
        sessions that viewed.
      </p>
      <DataTable label="Destinations" columns={head(["Destination", "Offers"])}>
        {order(destinations).map((d) => (
          <Row key={d.destination}>
            <Cell className="font-medium">{place(d.destination)}</Cell>
            <Cell className="tabular-nums">{d.offers}</Cell>
            {(["views", "starts", "bookings"] as const).map((metric) => (
              <Cell key={metric} numeric>
                <Link className="hover:underline" href={drill({ offer: d.destination, offerField: "destination", metric })}>
                  {d[metric]}
                </Link>
              </Cell>
            ))}
            <Cell numeric>{percent(d.conversion)}</Cell>
            <Cell numeric>{money(d.revenue)}</Cell>
          </Row>
        ))}
      </DataTable>
      <DataTable label="Packages" columns={head(["Package", "Offers"])}>
        {order(packages).map((p) => (
          <Row key={p.package}>
            <Cell className="font-medium">{p.package}</Cell>
            <Cell className="tabular-nums">{offers.filter((o) => o.package === p.package).length}</Cell>
            {(["views", "starts", "bookings"] as const).map((metric) => (
              <Cell key={metric} numeric>
                <Link className="hover:underline" href={drill({ offer: p.package, offerField: "package", metric })}>
                  {p[metric]}
                </Link>
              </Cell>
            ))}
            <Cell numeric>{percent(p.conversion)}</Cell>
            <Cell numeric>{money(p.revenue)}</Cell>
          </Row>
        ))}
      </DataTable>
      <a href={`/analytics/export/offers?${rangeQuery(range, { journey: DEFAULT_JOURNEY })}`} className={buttonClass("outline", "inline-block")}>
        Export the offers as CSV
      </a>
      <DataTable label="Offers" columns={head(["Offer", "Destination"])}>
        {order(offers).map((o) => (
          <Row key={o.offerId}>
            <Cell>
              <span className="font-medium">{o.hotel}</span> <span className="text-slate-500">({o.package})</span>
            </Cell>
            <Cell>{place(o.destination)}</Cell>
            <Cell numeric>
              <Link className="hover:underline" href={drill({ offer: o.offerId, metric: "views" })} title="Sessions that looked at this offer">
                {o.views}
              </Link>
            </Cell>
            <Cell numeric>
              <Link className="hover:underline" href={drill({ offer: o.offerId, metric: "starts" })}>
                {o.starts}
              </Link>
            </Cell>
            <Cell numeric>
              <Link className="hover:underline" href={drill({ offer: o.offerId, metric: "bookings" })}>
                {o.bookings}
              </Link>
            </Cell>
            <Cell numeric>{percent(o.conversion)}</Cell>
            <Cell numeric>{money(o.revenue)}</Cell>
          </Row>
        ))}
      </DataTable>
    </div>
  );
}
