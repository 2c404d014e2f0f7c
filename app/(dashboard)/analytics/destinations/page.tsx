import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AnalyticsHeader, percent } from "@/components/analytics/analytics-header";
import { PopularityChart } from "@/components/analytics/popularity-chart";
import { DataTable } from "@/components/ui/data-table";
import { readRange, rangeQuery } from "@/lib/analytics/range";
import { getPopularity } from "@/lib/data/analytics";
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
  const range = readRange(params);
  const sort = sortSchema.parse(params.sort);
  const { destinations, offers, packages, viewedNotBooked, leastPopular } = await getPopularity(range);
  const drill = (extra: Record<string, string>) => `/sessions?${rangeQuery(range, extra)}`;
  const order = <T extends Record<(typeof SORTS)[number], number>>(rows: T[]) => [...rows].sort((a, b) => b[sort] - a[sort]);
  const sortLink = (key: (typeof SORTS)[number], label: string) => (
    <Link href={`/analytics/destinations?${rangeQuery(range, { sort: key })}`} className={key === sort ? "text-slate-900 underline dark:text-white" : ""}>
      {label}
    </Link>
  );
  const head = (first: string[]) => [...first, ...(["views", "starts", "bookings", "conversion", "revenue"] as const).map((k) => [k, "text-right"] as [string, string])];
  return (
    <div className="space-y-5">
      <AnalyticsHeader current="destinations" range={range} extra={{ sort }} />
      <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
        <PopularityChart rows={destinations} />
      </section>
      <div className="grid gap-3 md:grid-cols-3">
        <section aria-label="Most popular" className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900">
          <h2 className="font-semibold">Most popular destinations</h2>
          <ol className="mt-1 list-inside list-decimal space-y-0.5">
            {destinations.slice(0, 5).map((d) => (
              <li key={d.destination}>{d.destination}: {plural(d.views, "view")}, {plural(d.bookings, "booking")}</li>
            ))}
          </ol>
        </section>
        <section aria-label="Least popular" className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900">
          <h2 className="font-semibold">Least popular destinations</h2>
          <ol className="mt-1 list-inside list-decimal space-y-0.5">
            {leastPopular.map((d) => (
              <li key={d.destination}>{d.destination}: {plural(d.views, "view")}, {plural(d.bookings, "booking")}</li>
            ))}
          </ol>
        </section>
        <section aria-label="Viewed a lot, rarely booked" className="rounded-lg border border-amber-200 bg-amber-50/60 p-4 text-sm dark:border-amber-900 dark:bg-amber-950/30">
          <h2 className="font-semibold">Viewed a lot, rarely booked</h2>
          <ul className="mt-1 space-y-0.5">
            {viewedNotBooked.offers.map((o) => (
              <li key={o.offerId}>
                {o.hotel} ({o.package}), {o.destination}: {plural(o.views, "view")}, {plural(o.bookings, "booking")} ({percent(o.conversion)})
              </li>
            ))}
          </ul>
        </section>
      </div>
      <p className="text-xs text-slate-500">Sort by {sortLink("views", "views")} · {sortLink("starts", "booking starts")} · {sortLink("bookings", "bookings")} · {sortLink("conversion", "conversion")} · {sortLink("revenue", "revenue")}. Views, booking starts and bookings count sessions; conversion is bookings of sessions that viewed.</p>
      <DataTable label="Destinations" columns={head(["Destination", "Offers"])}>
        {order(destinations).map((d) => (
          <tr key={d.destination} className="border-t border-slate-100 dark:border-slate-800">
            <td className="px-3 py-2 font-medium">{d.destination}</td>
            <td className="px-3 py-2 tabular-nums">{d.offers}</td>
            {(["views", "starts", "bookings"] as const).map((metric) => (
              <td key={metric} className="px-3 py-2 text-right tabular-nums">
                <Link className="hover:underline" href={drill({ offer: d.destination, offerField: "destination", metric })}>{d[metric]}</Link>
              </td>
            ))}
            <td className="px-3 py-2 text-right tabular-nums">{percent(d.conversion)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{money(d.revenue)}</td>
          </tr>
        ))}
      </DataTable>
      <DataTable label="Packages" columns={head(["Package", "Offers"])}>
        {order(packages).map((p) => (
          <tr key={p.package} className="border-t border-slate-100 dark:border-slate-800">
            <td className="px-3 py-2 font-medium">{p.package}</td>
            <td className="px-3 py-2 tabular-nums">{offers.filter((o) => o.package === p.package).length}</td>
            {(["views", "starts", "bookings"] as const).map((metric) => (
              <td key={metric} className="px-3 py-2 text-right tabular-nums">
                <Link className="hover:underline" href={drill({ offer: p.package, offerField: "package", metric })}>{p[metric]}</Link>
              </td>
            ))}
            <td className="px-3 py-2 text-right tabular-nums">{percent(p.conversion)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{money(p.revenue)}</td>
          </tr>
        ))}
      </DataTable>
      <a href={`/analytics/export/offers?${rangeQuery(range)}`} className="inline-block rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
        Export the offers as CSV
      </a>
      <DataTable label="Offers" columns={head(["Offer", "Destination"])}>
        {order(offers).map((o) => (
          <tr key={o.offerId} className="border-t border-slate-100 dark:border-slate-800">
            <td className="px-3 py-2">
              <span className="font-medium">{o.hotel}</span> <span className="text-slate-500">({o.package})</span>
            </td>
            <td className="px-3 py-2">{o.destination}</td>
            <td className="px-3 py-2 text-right tabular-nums">
              <Link className="hover:underline" href={drill({ offer: o.offerId, metric: "views" })} title="Sessions that looked at this offer">{o.views}</Link>
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              <Link className="hover:underline" href={drill({ offer: o.offerId, metric: "starts" })}>{o.starts}</Link>
            </td>
            <td className="px-3 py-2 text-right tabular-nums">
              <Link className="hover:underline" href={drill({ offer: o.offerId, metric: "bookings" })}>{o.bookings}</Link>
            </td>
            <td className="px-3 py-2 text-right tabular-nums">{percent(o.conversion)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{money(o.revenue)}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
