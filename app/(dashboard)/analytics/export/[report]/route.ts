import { attachmentDisposition } from "@/lib/api/attachment";
import { ApiError } from "@/lib/http/errors";
import { handle } from "@/lib/api/handle";
import { toCsv } from "@/lib/csv/csv";
import { readRange } from "@/lib/analytics/range";
import { DIMENSIONS } from "@/lib/analytics/rollup";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { dropReasonsOf } from "@/lib/journeys/drop-reasons";
import { bookingJourney } from "@/lib/journeys/booking/booking-journey";
import { getFunnel, getOverview, getPaths, getPopularity } from "@/lib/data/analytics";

export const dynamic = "force-dynamic";

// The booking journey's drop reasons, one column each, in a fixed order (h4 generalises the export).
const BOOKING_REASONS = dropReasonsOf(bookingJourney);

const round = (n: number) => Math.round(n * 10_000) / 10_000;

async function csvOf(report: string, params: Record<string, string>): Promise<string> {
  const range = readRange(params);
  if (report === "overview") {
    const { series } = await getOverview(range);
    return toCsv(
      ["day", "sessions", "users", "bookings", "abandoned", "conversion"],
      series.map((d) => [d.day, d.sessions, d.users, d.bookings, d.abandoned, round(d.conversion)]),
    );
  }
  if (report === "funnel") {
    const { rows } = await getFunnel(range, null);
    return toCsv(
      ["step", "sessions", "of_all", "of_previous", "median_seconds_from_previous", "dropped_off", ...BOOKING_REASONS.map((r) => r.key)],
      rows.map((r) => [
        r.label,
        r.count,
        round(r.fromStart),
        round(r.fromPrevious),
        r.medianSeconds,
        r.dropOff,
        ...BOOKING_REASONS.map(({ key }) => r.reasons.find((x) => x.reason === key)?.count ?? 0),
      ]),
    );
  }
  if (report === "funnel-breakdown") {
    const by = DIMENSIONS.find((d) => d === params.by);
    if (!by) throw new ApiError("invalid_request", `by: one of ${DIMENSIONS.join(", ")}`, { attribute: "by" });
    const { steps, breakdown } = await getFunnel(range, by);
    return toCsv(
      [by, ...steps.map((s) => s.label)],
      breakdown.map((b) => [b.value, ...b.rows.map((r) => r.count)]),
    );
  }
  if (report === "destinations") {
    const { destinations } = await getPopularity(range);
    return toCsv(
      ["destination", "offers", "views", "booking_starts", "bookings", "conversion", "revenue"],
      destinations.map((d) => [d.destination, d.offers, d.views, d.starts, d.bookings, round(d.conversion), d.revenue]),
    );
  }
  if (report === "offers") {
    const { offers } = await getPopularity(range);
    return toCsv(
      ["destination", "hotel", "package", "offer_id", "views", "booking_starts", "bookings", "conversion", "revenue"],
      offers.map((o) => [o.destination, o.hotel, o.package, o.offerId, o.views, o.starts, o.bookings, round(o.conversion), o.revenue]),
    );
  }
  if (report === "paths") {
    const { paths, labels } = await getPaths(range, null);
    return toCsv(
      ["path", "ended", "sessions", "share"],
      paths.map((p) => [p.steps.map((s) => labels[s] ?? s).join(" > "), p.outcome, p.count, round(p.share)]),
    );
  }
  throw new ApiError("not_found", `no analytics report "${report}": use overview, funnel, funnel-breakdown, destinations, offers or paths`, { report });
}

// GET /analytics/export/<overview|funnel|destinations>?from&to – the report's table as CSV; analysts and admins
export const GET = handle(async (request: Request, context: { params: Promise<{ report: string }> }) => {
  await requireServiceOrRole(request, "analytics.view");
  const { report } = await context.params;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const csv = await csvOf(report, params);
  const range = readRange(params);
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": attachmentDisposition(`${report}-${range.from}-${range.to}.csv`) },
  });
});
