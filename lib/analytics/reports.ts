import type { FunnelStep, Labelled } from "../journeys/journey-definition";
import type { CounterSum } from "./read-analytics";

/**
 * Ready-shaped figures for the analytics pages and their charts, from summed counters (pure).
 * Definitions, so every number means one thing:
 * - conversion: completed sessions / sessions;
 * - abandonment: abandoned / (abandoned + completed), i.e. journeys started and not completed;
 * - funnel step k: sessions that reached steps 0…k in order; drop-off at k: reached k, not k+1,
 *   and ended without completing (a live session has not dropped off: it may still go on);
 * - median time to a step: the lower median of whole seconds from the step before.
 */
export const rate = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

const sumOf = (counters: readonly CounterSum[], kind: string, k1?: string, k2?: string) =>
  counters.filter((c) => c.kind === kind && (k1 === undefined || c.k1 === k1) && (k2 === undefined || c.k2 === k2)).reduce((s, c) => s + c.n, 0);

export interface OverviewTotals {
  sessions: number;
  users: number;
  completed: number;
  abandoned: number;
  conversion: number;
  abandonment: number;
}

export function overviewTotals(counters: readonly CounterSum[], users: number): OverviewTotals {
  const sessions = sumOf(counters, "sessions");
  const completed = sumOf(counters, "outcome", "completed");
  const abandoned = sumOf(counters, "outcome", "abandoned");
  return { sessions, users, completed, abandoned, conversion: rate(completed, sessions), abandonment: rate(abandoned, abandoned + completed) };
}

export interface OverviewDay {
  day: string;
  sessions: number;
  users: number;
  completed: number;
  abandoned: number;
  conversion: number;
  /** the day is not over (today) or has not come yet: its figures are so far */
  unfinished: boolean;
}

/** One point per day of the range, zeros included (a chart needs every day); days from `unfinishedFrom` on are marked. */
export function overviewSeries(
  daily: readonly { day: string; kind: string; k1: string; n: number }[],
  from: string,
  to: string,
  unfinishedFrom: string | null = null,
): OverviewDay[] {
  const out: OverviewDay[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    const of = (kind: string, k1: string) => daily.filter((d) => d.day === day && d.kind === kind && d.k1 === k1).reduce((s, d) => s + d.n, 0);
    const sessions = of("sessions", "");
    const completed = of("outcome", "completed");
    out.push({
      day,
      sessions,
      users: of("users", ""),
      completed,
      abandoned: of("outcome", "abandoned"),
      conversion: rate(completed, sessions),
      unfinished: unfinishedFrom !== null && day >= unfinishedFrom,
    });
  }
  return out;
}

export interface FunnelRow {
  index: number;
  key: string;
  label: string;
  count: number;
  /** of the first step */
  fromStart: number;
  /** of the step before */
  fromPrevious: number;
  /**
   * reached this step, not the next, and ended without completing: the sum of `reasons` (the drop
   * counters of this depth; a live or completed session has none). 0 on a breakdown row, whose
   * drop-offs are not counted per dimension value (it has no reasons or times either).
   */
  dropOff: number;
  /** lower median of whole seconds from the step before; null for the first step or no data */
  medianSeconds: number | null;
  /** why the drop-offs stopped, most common first (live sessions have no reason yet) */
  reasons: { reason: string; label: string; count: number }[];
}

function lowerMedian(histogram: { value: number; n: number }[]): number | null {
  const total = histogram.reduce((s, h) => s + h.n, 0);
  if (total === 0) return null;
  const target = Math.floor((total - 1) / 2);
  let seen = 0;
  for (const h of [...histogram].sort((a, b) => a.value - b.value)) {
    seen += h.n;
    if (seen > target) return h.value;
  }
  return null;
}

export function funnelRows(
  counters: readonly CounterSum[],
  steps: readonly FunnelStep[],
  filter = "",
  gaps: ReadonlyMap<number, { value: number; n: number }[]> = new Map(),
  dropReasons: readonly Labelled[] = [],
): FunnelRow[] {
  const counts = steps.map((_, i) => sumOf(counters, "funnel", String(i), filter));
  return steps.map((step, i) => {
    const count = counts[i]!;
    // Every reason counted at this depth: the journey's words for its own, the key for any other.
    const reasons =
      filter === ""
        ? counters
            .filter((c) => c.kind === "drop" && c.k1 === String(i + 1) && c.n > 0)
            .reduce<{ reason: string; label: string; count: number }[]>((list, c) => {
              const known = list.find((r) => r.reason === c.k2);
              if (known) known.count += c.n;
              else list.push({ reason: c.k2, label: dropReasons.find((d) => d.key === c.k2)?.label ?? c.k2, count: c.n });
              return list;
            }, [])
            .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1))
        : [];
    const times = i === 0 || filter !== "" ? [] : (gaps.get(i) ?? []);
    return {
      index: i,
      key: step.key,
      label: step.label,
      count,
      fromStart: rate(count, counts[0]!),
      fromPrevious: i === 0 ? 1 : rate(count, counts[i - 1]!),
      // Not count − next: that counts the sessions still live at this step as lost.
      dropOff: reasons.reduce((s, r) => s + r.count, 0),
      medianSeconds: lowerMedian(times),
      reasons,
    };
  });
}

/** The values of a dimension seen at the funnel's first step, largest first. */
export function breakdownValues(counters: readonly CounterSum[], dimension: string): string[] {
  return counters
    .filter((c) => c.kind === "funnel" && c.k1 === "0" && c.k2.startsWith(`${dimension}=`))
    .sort((a, b) => b.n - a.n || a.k2.localeCompare(b.k2))
    .map((c) => c.k2.slice(dimension.length + 1));
}

/** What the popularity tables count for an offer, a destination or a package. */
export interface PopularityFigures {
  views: number;
  starts: number;
  bookings: number;
  revenue: number;
  conversion: number;
}

export interface OfferRow extends PopularityFigures {
  offerId: string;
  destination: string;
  hotel: string;
  package: string;
}

export interface DestinationRow extends PopularityFigures {
  destination: string;
  offers: number;
}

export interface PackageRow extends PopularityFigures {
  package: string;
}

export function popularity(counters: readonly CounterSum[]): { offers: OfferRow[]; destinations: DestinationRow[]; packages: PackageRow[] } {
  const offers = new Map<string, OfferRow>();
  const destinations = new Map<string, DestinationRow>();
  const packages = new Map<string, PackageRow>();
  const tally = (row: { views: number; starts: number; bookings: number; revenue: number }, c: CounterSum) => {
    if (c.k2 === "views") row.views += c.n;
    if (c.k2 === "starts") row.starts += c.n;
    if (c.k2 === "bookings") {
      row.bookings += c.n;
      row.revenue += c.total;
    }
  };
  for (const c of counters) {
    if (c.kind === "offer") {
      const [destination, hotel, pkg, offerId] = JSON.parse(c.k1) as [string, string, string, string];
      const row = offers.get(c.k1) ?? { offerId, destination, hotel, package: pkg, views: 0, starts: 0, bookings: 0, revenue: 0, conversion: 0 };
      tally(row, c);
      offers.set(c.k1, row);
    } else if (c.kind === "destination") {
      const row = destinations.get(c.k1) ?? { destination: c.k1, views: 0, starts: 0, bookings: 0, revenue: 0, conversion: 0, offers: 0 };
      tally(row, c);
      destinations.set(c.k1, row);
    } else if (c.kind === "package") {
      const row = packages.get(c.k1) ?? { package: c.k1, views: 0, starts: 0, bookings: 0, revenue: 0, conversion: 0 };
      tally(row, c);
      packages.set(c.k1, row);
    }
  }
  for (const o of offers.values()) {
    o.conversion = rate(o.bookings, o.views);
    const d = destinations.get(o.destination);
    if (d) d.offers += 1;
  }
  for (const d of destinations.values()) d.conversion = rate(d.bookings, d.views);
  for (const p of packages.values()) p.conversion = rate(p.bookings, p.views);
  const byViews = <T extends { views: number; bookings: number }>(a: T, b: T) => b.views - a.views || b.bookings - a.bookings;
  return { offers: [...offers.values()].sort(byViews), destinations: [...destinations.values()].sort(byViews), packages: [...packages.values()].sort(byViews) };
}

/** "Viewed a lot, rarely booked": at least the median views, the lowest conversion first. */
export function viewedNotBooked<T extends { views: number; conversion: number }>(rows: readonly T[], limit = 5): T[] {
  if (rows.length === 0) return [];
  const views = rows.map((r) => r.views).sort((a, b) => a - b);
  const median = views[Math.floor((views.length - 1) / 2)]!;
  return rows
    .filter((r) => r.views >= median && r.views > 0)
    .sort((a, b) => a.conversion - b.conversion || b.views - a.views)
    .slice(0, limit);
}

/** The previous period of the same length, ending the day before `from`. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
  const end = Date.parse(from) - 86_400_000;
  return { from: new Date(end - (days - 1) * 86_400_000).toISOString().slice(0, 10), to: new Date(end).toISOString().slice(0, 10) };
}
