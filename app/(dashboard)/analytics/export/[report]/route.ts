import { attachmentDisposition } from "@/lib/api/attachment";
import { ApiError } from "@/lib/http/errors";
import { handle } from "@/lib/api/handle";
import { toCsv } from "@/lib/csv/csv";
import { readRange, type DayRange } from "@/lib/analytics/range";
import { remainderTableRows } from "@/lib/analytics/remainder-rows";
import { requireServiceOrRole } from "@/lib/data/api-access";
import { dropReasonsOf } from "@/lib/journeys/drop-reasons";
import type { JourneyDefinition } from "@/lib/journeys/journey-definition";
import { liveJourneyVersion } from "@/lib/data/catalog";
import { getAfterDropOff, stepOf } from "@/lib/data/after-drop-off";
import { stepCohort } from "@/lib/data/after-drop-off-cohort";
import { DEFAULT_JOURNEY, getDimensionPopularity, getFunnel, getOverview, getPaths, getPopularity, pickJourney } from "@/lib/data/analytics";

export const dynamic = "force-dynamic";

const round = (n: number) => Math.round(n * 10_000) / 10_000;
const REPORTS = "overview, funnel, funnel-breakdown, popularity, paths, after-drop-off (with step), and for holiday-booking destinations and offers";

type Table = [header: string[], rows: (string | number | null)[][]];
const table = (header: string[], rows: (string | number | null)[][]): Table => [header, rows];

async function tableOf(report: string, journey: JourneyDefinition<unknown>, range: DayRange, params: Record<string, string>): Promise<Table> {
  if (report === "overview") {
    const { series } = await getOverview(journey, range);
    return table(
      ["day", "sessions", "users", "completed", "abandoned", "conversion"],
      series.map((d) => [d.day, d.sessions, d.users, d.completed, d.abandoned, round(d.conversion)]),
    );
  }
  if (report === "funnel") {
    // The journey's drop reasons, one column each, in the definition's order.
    const reasons = dropReasonsOf(journey);
    const { rows } = await getFunnel(journey, range, null);
    return table(
      ["step", "sessions", "of_all", "of_previous", "median_seconds_from_previous", "dropped_off", ...reasons.map((r) => r.key)],
      rows.map((r) => [
        r.label,
        r.count,
        round(r.fromStart),
        round(r.fromPrevious),
        r.medianSeconds,
        r.dropOff,
        ...reasons.map(({ key }) => r.reasons.find((x) => x.reason === key)?.count ?? 0),
      ]),
    );
  }
  if (report === "funnel-breakdown") {
    const by = journey.dimensions.find((d) => d.key === params.by);
    if (!by) throw new ApiError("invalid_request", `by: one of ${journey.dimensions.map((d) => d.key).join(", ")}`, { parameter: "by" });
    const { steps, breakdown, remainder } = await getFunnel(journey, range, by);
    // The values past the largest and the sessions with none, as on the page: the rows add up to the funnel.
    return table(
      [by.key, "label", ...steps.map((s) => s.label)],
      [
        ...breakdown.map((b) => [b.value, b.label, ...b.rows.map((r) => r.count)]),
        ...remainderTableRows(remainder).map((r) => [r.value, r.label, ...r.counts]),
      ],
    );
  }
  if (report === "popularity") {
    const dimensions = params.dimension ? journey.dimensions.filter((d) => d.key === params.dimension) : journey.dimensions;
    const tables = await Promise.all(dimensions.map(async (d) => ({ d, ...(await getDimensionPopularity(journey, range, d.key)) })));
    return table(
      ["dimension", "value", "label", "sessions", "completed"],
      tables.flatMap(({ d, rows, remainder }) => [
        ...rows.map((r) => [d.key, r.value, r.label, r.sessions, r.completed]),
        ...remainderTableRows(remainder).map((r) => [d.key, r.value, r.label, ...r.counts]),
      ]),
    );
  }
  if (report === "paths") {
    // level=events: the event-level paths the page offers beside the steps.
    const { paths, labels } = await getPaths(journey, range, null, params.level === "events" ? "events" : "steps");
    return table(
      ["path", "ended", "sessions", "share"],
      paths.map((p) => [p.steps.map((s) => labels[s] ?? s).join(" > "), p.outcome, p.count, round(p.share)]),
    );
  }
  if (report === "after-drop-off") {
    const step = stepOf(journey, params.step);
    if (!step) throw new ApiError("invalid_request", `step: one of ${journey.funnel.map((s) => s.key).join(", ")}`, { parameter: "step" });
    const { summary: s } = await getAfterDropOff(journey, await stepCohort(journey, range, step));
    return table(
      ["step", "figure", "customers", "of_dropped_off", "median_seconds"],
      [
        [step.key, "dropped_off", s.customers, null, null],
        ...s.cameBack.map((c) => [step.key, `came_back_within_${c.withinDays}_days`, c.customers, round(c.rate), null]),
        [step.key, "came_back", s.cameBackEver.customers, round(s.cameBackEver.rate), null],
        [step.key, "completed_later", s.completedLater.customers, round(s.completedLater.rate), s.completedLater.medianSeconds],
      ],
    );
  }
  if (journey.name === DEFAULT_JOURNEY && report === "destinations") {
    const { destinations } = await getPopularity(range);
    return table(
      ["destination", "offers", "views", "booking_starts", "bookings", "conversion", "revenue"],
      destinations.map((d) => [d.destination, d.offers, d.views, d.starts, d.bookings, round(d.conversion), d.revenue]),
    );
  }
  if (journey.name === DEFAULT_JOURNEY && report === "offers") {
    const { offers } = await getPopularity(range);
    return table(
      ["destination", "hotel", "package", "offer_id", "views", "booking_starts", "bookings", "conversion", "revenue"],
      offers.map((o) => [o.destination, o.hotel, o.package, o.offerId, o.views, o.starts, o.bookings, round(o.conversion), o.revenue]),
    );
  }
  throw new ApiError("not_found", `no analytics report "${report}" for ${journey.name}: use ${REPORTS}`, { report, journey: journey.name });
}

// GET /analytics/export/<report>?journey&from&to – the report's table as CSV (journey: the analytics pages' default when absent); analysts and admins
export const GET = handle(async (request: Request, context: { params: Promise<{ report: string }> }) => {
  await requireServiceOrRole(request, "analytics.view");
  const { report } = await context.params;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const range = readRange(params);
  const { journey } = await pickJourney(params.journey, range);
  if (!journey) throw new ApiError("not_found", `no journey "${params.journey}"`, { parameter: "journey", journey: params.journey });
  const [[header, rows], { label }] = await Promise.all([tableOf(report, journey, range, params), liveJourneyVersion(journey.name)]);
  // Which journey version folded these figures, on every row: a trailing column, so the columns a report always had keep their names and places.
  const csv = toCsv(
    [...header, "journey_version"],
    rows.map((row) => [...row, label]),
  );
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachmentDisposition(`${journey.name}-${report}-${range.from}-${range.to}.csv`),
    },
  });
});
