import "server-only";
import { notFound } from "next/navigation";
import { comparisonWith } from "../analytics/comparison";
import { countDistinctUsers, readCounters, readDailyCounters, readDataSpan, readGapHistograms, readSessionsByJourney } from "../analytics/read-analytics";
import { readRangeWithNotice, unfinishedDays, type DayRange } from "../analytics/range";
import { popularityAnswer } from "../analytics/answers";
import { breakdownValues, funnelRows, overviewSeries, overviewTotals, popularity, previousPeriod, viewedNotBooked } from "../analytics/reports";
import { commonPaths, eventTypeLabels, PATH_KIND, type PathLevel, pathsSankey } from "../analytics/paths-report";
import { remainderRows } from "../analytics/remainder-rows";
import { getReadStore } from "../db/read-store";
import { dropReasonsOf } from "../journeys/drop-reasons";
import { OUTCOMES } from "../journeys/outcomes";
import type { JourneyDefinition, Labelled } from "../journeys/journey-definition";
import { maskDimensionRows } from "./analytics-masking";
import { liveCatalog, liveJourneyVersion } from "./catalog";

/**
 * What the analytics pages show, for any journey: daily counters only (and, for distinct users, the
 * sessions' index), never events. Words, steps, dimensions and drop reasons come from the journey's
 * definition in the live catalog.
 */
type Journey = JourneyDefinition<unknown>;

/** A journey on the picker: its name, its words, and how many sessions it has in the range. */
export interface JourneyChoice {
  name: string;
  label: string;
  sessions: number;
}

export const DEFAULT_JOURNEY = "holiday-booking";

/** The analytics pages; the booking journey has one of its own (its offers, destinations and packages). */
export type AnalyticsReport = "overview" | "funnel" | "popularity" | "destinations" | "paths" | "after-drop-off";

export function reportsOf(journey: Pick<Journey, "name">): AnalyticsReport[] {
  return journey.name === DEFAULT_JOURNEY ? ["overview", "funnel", "popularity", "destinations", "paths"] : ["overview", "funnel", "popularity", "paths"];
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** What every analytics page starts from: the range, the journey picked (see pickJourney; none of that name is a 404), the picker's choices and the tabs. */
export async function analyticsView(params: Record<string, string | string[] | undefined>) {
  const now = Date.now();
  // The notice names what in the query was not usable (the header shows it).
  const { range, notice: rangeNotice } = readRangeWithNotice(params, now);
  const { journey, choices } = await pickJourney(first(params.journey), range);
  if (!journey) notFound();
  // Which version of the journey folded the figures shown ("shop v3"), named in the header; the
  // days the journey has data on, for the empty state and the comparison; today, when in the range.
  const [{ label: version }, span] = await Promise.all([liveJourneyVersion(journey.name), readDataSpan(getReadStore(), journey.name)]);
  return { range, view: { journey, choices, reports: reportsOf(journey), version, span, unfinished: unfinishedDays(range, now), rangeNotice } };
}

/**
 * The journey a page shows: the one asked for (null when the catalog has none of that name), else
 * the one with most sessions in the range, else the booking journey. With every choice for the picker.
 */
export async function pickJourney(asked: string | undefined, range: DayRange): Promise<{ journey: Journey | null; choices: JourneyChoice[] }> {
  const [catalog, counts] = await Promise.all([liveCatalog(), readSessionsByJourney(getReadStore(), range.from, range.to)]);
  const sessionsOf = (name: string) => counts.find((c) => c.journey === name)?.sessions ?? 0;
  const choices = catalog.journeys.map((j) => ({ name: j.name, label: j.label, sessions: sessionsOf(j.name) }));
  // Sessions no definition claims have figures too (outcomes, days); they are listed when there are some.
  const generic = catalog.byName("generic");
  if (generic && sessionsOf("generic") > 0) choices.push({ name: "generic", label: generic.label, sessions: sessionsOf("generic") });
  if (asked !== undefined) return { journey: catalog.byName(asked), choices };
  const busiest = counts.map((c) => catalog.journeys.find((j) => j.name === c.journey)).find((j) => j !== undefined);
  return { journey: busiest ?? catalog.byName(DEFAULT_JOURNEY) ?? catalog.journeys[0]!, choices };
}

export async function getOverview(journey: Journey, range: DayRange, span: { first: string } | null = null, unfinished: { from: string } | null = null) {
  const store = getReadStore();
  const previous = previousPeriod(range.from, range.to);
  const comparison = comparisonWith(previous, span?.first ?? null, unfinished !== null);
  const kinds = ["sessions", "outcome", "users"];
  const [now, before, usersNow, usersBefore, daily] = await Promise.all([
    readCounters(store, journey.name, range.from, range.to, [...kinds, "outcome-label"]),
    readCounters(store, journey.name, previous.from, previous.to, kinds),
    countDistinctUsers(store, journey.name, range.from, range.to),
    countDistinctUsers(store, journey.name, previous.from, previous.to),
    readDailyCounters(store, journey.name, range.from, range.to, kinds),
  ]);
  const outcomes = Object.fromEntries(["browsed", "live"].map((o) => [o, now.filter((c) => c.kind === "outcome" && c.k1 === o).reduce((s, c) => s + c.n, 0)]));
  return {
    range,
    previous,
    comparison,
    totals: overviewTotals(now, usersNow),
    previousTotals: overviewTotals(before, usersBefore),
    // The endings the journey names more finely, per outcome ("cancelled a booking" among the browsed), most first.
    finer: Object.fromEntries(
      OUTCOMES.map((o) => [
        o,
        now
          .filter((c) => c.kind === "outcome-label" && c.k1 === o && c.n > 0)
          .map((c) => ({ label: c.k2, count: c.n }))
          .sort((a, b) => b.count - a.count),
      ]),
    ) as Record<(typeof OUTCOMES)[number], { label: string; count: number }[]>,
    browsed: outcomes.browsed ?? 0,
    live: outcomes.live ?? 0,
    series: overviewSeries(daily, range.from, range.to, unfinished?.from ?? null),
  };
}

/** The largest values a breakdown shows. */
const BREAKDOWN_VALUES = 12;

export async function getFunnel(journey: Journey, range: DayRange, by: Labelled | null) {
  const store = getReadStore();
  const [counters, gaps, labels] = await Promise.all([
    readCounters(store, journey.name, range.from, range.to, ["funnel", "drop", "sessions"]),
    readGapHistograms(store, journey.name, range.from, range.to),
    // popularityAnswer names the values it counts: without the dimension counters it has no rows, so no labels.
    by ? readCounters(store, journey.name, range.from, range.to, ["dimension", "dimension-label"]) : Promise.resolve([]),
  ]);
  const steps = journey.funnel;
  const rows = funnelRows(counters, steps, "", gaps, dropReasonsOf(journey));
  const labelOf = by ? new Map(popularityAnswer(journey.name, by.key, labels, Number.MAX_SAFE_INTEGER).rows.map((r) => [r.value, r.label])) : new Map();
  const values = by ? breakdownValues(counters, by.key).map((value) => ({ value, rows: funnelRows(counters, steps, `${by.key}=${value}`) })) : [];
  const breakdown = values.slice(0, BREAKDOWN_VALUES).map((v) => ({ ...v, label: labelOf.get(v.value) ?? v.value }));
  // The values past the largest, and the sessions with none: the breakdown's rows add up to the funnel's.
  const remainder = remainderRows(
    values.map((v) => v.rows.map((r) => r.count)),
    BREAKDOWN_VALUES,
    rows.map((r) => r.count),
  );
  const sessions = counters.filter((c) => c.kind === "sessions").reduce((s, c) => s + c.n, 0);
  return { range, sessions, steps, rows, breakdown: by ? await maskDimensionRows(journey, by.key, breakdown) : breakdown, remainder };
}

export async function getPaths(journey: Journey, range: DayRange, outcome: string | null, level: PathLevel = "steps") {
  const kind = PATH_KIND[level];
  const counters = await readCounters(getReadStore(), journey.name, range.from, range.to, kind === "path" ? ["path", "path-label"] : [kind]);
  const paths = commonPaths(counters, outcome, 15, kind);
  // Event paths name their types in words ("destinations searched"); the keys, and so the drill-downs, stay the types.
  const labels: Record<string, string> = level === "steps" ? Object.fromEntries(journey.funnel.map((s) => [s.key, s.label])) : eventTypeLabels(paths);
  const words = Object.fromEntries(OUTCOMES.map((o) => [o, journey.outcomeLabel(undefined, o)]));
  // Every session of the range (of the outcome): the page says when the commonest paths leave some out.
  const sessions = commonPaths(counters, outcome, Number.MAX_SAFE_INTEGER, kind).reduce((sum, p) => sum + p.count, 0);
  return { range, paths, labels, sessions, sankey: pathsSankey(paths, labels, words) };
}

/** The values a popularity page lists (the API answers up to MAX_POPULARITY_ROWS). */
export const POPULARITY_PAGE_ROWS = 100;

/** One dimension of the journey as a table of its values, most sessions first. */
export async function getDimensionPopularity(journey: Journey, range: DayRange, dimension: string) {
  const kinds = ["dimension", "dimension-completed", "dimension-label", "sessions", "outcome"];
  const counters = await readCounters(getReadStore(), journey.name, range.from, range.to, kinds);
  const all = popularityAnswer(journey.name, dimension, counters, Number.MAX_SAFE_INTEGER).rows;
  // The values past the page's, and the sessions with none: the rows add up to every session in the range.
  const { sessions, completed } = overviewTotals(counters, 0);
  const total = [sessions, completed];
  const remainder = remainderRows(
    all.map((r) => [r.sessions, r.completed]),
    POPULARITY_PAGE_ROWS,
    total,
  );
  return { rows: await maskDimensionRows(journey, dimension, all.slice(0, POPULARITY_PAGE_ROWS)), remainder, total };
}

/** The booking journey's own popularity: its offers, destinations and packages (kinds only its fold writes). */
export async function getPopularity(range: DayRange) {
  const [counters, dimension] = await Promise.all([
    readCounters(getReadStore(), DEFAULT_JOURNEY, range.from, range.to, ["offer", "destination", "package"]),
    readCounters(getReadStore(), DEFAULT_JOURNEY, range.from, range.to, ["dimension", "dimension-label"]),
  ]);
  const { offers, destinations, packages } = popularity(counters);
  // Destinations as places ("Malta (MLA)"): the names the journey's destination dimension learned from the events; a code never named stays a code.
  const names = new Map(popularityAnswer(DEFAULT_JOURNEY, "destination", dimension, Number.MAX_SAFE_INTEGER).rows.map((r) => [r.value, r.label]));
  return {
    range,
    place: (code: string) => names.get(code) ?? code,
    offers,
    destinations,
    packages,
    // Most popular first in every list; the least popular are the end of the destinations list.
    leastPopular: [...destinations].reverse().slice(0, 5),
    viewedNotBooked: { destinations: viewedNotBooked(destinations), offers: viewedNotBooked(offers) },
  };
}
