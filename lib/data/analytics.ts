import "server-only";
import { countDistinctUsers, readCounters, readDailyCounters, readGapHistograms } from "../analytics/read-analytics";
import type { DayRange } from "../analytics/range";
import {
  breakdownValues,
  commonPaths,
  funnelRows,
  pathsSankey,
  overviewSeries,
  overviewTotals,
  popularity,
  previousPeriod,
  viewedNotBooked,
} from "../analytics/reports";
import type { Dimension } from "../analytics/rollup";
import { getStore } from "../db/prisma";
import { dropReasonsOf } from "../journeys/drop-reasons";
import { journeyByName } from "../journeys/registry";

/** Analytics read daily counters only (and, for distinct users, the sessions' index): never events. */
const JOURNEY = "holiday-booking";

export async function getOverview(range: DayRange) {
  const store = getStore();
  const previous = previousPeriod(range.from, range.to);
  const kinds = ["sessions", "outcome", "users"];
  const [now, before, usersNow, usersBefore, daily] = await Promise.all([
    readCounters(store, JOURNEY, range.from, range.to, kinds),
    readCounters(store, JOURNEY, previous.from, previous.to, kinds),
    countDistinctUsers(store, JOURNEY, range.from, range.to),
    countDistinctUsers(store, JOURNEY, previous.from, previous.to),
    readDailyCounters(store, JOURNEY, range.from, range.to, kinds),
  ]);
  return {
    range,
    previous,
    totals: overviewTotals(now, usersNow),
    previousTotals: overviewTotals(before, usersBefore),
    series: overviewSeries(daily, range.from, range.to),
  };
}

export async function getFunnel(range: DayRange, by: Dimension | null) {
  const [counters, gaps] = await Promise.all([
    readCounters(getStore(), JOURNEY, range.from, range.to, ["funnel", "drop"]),
    readGapHistograms(getStore(), JOURNEY, range.from, range.to),
  ]);
  const steps = journeyByName(JOURNEY).funnel;
  const rows = funnelRows(counters, steps, "", gaps, dropReasonsOf(journeyByName(JOURNEY)));
  const breakdown = by
    ? breakdownValues(counters, by)
        .slice(0, 12)
        .map((value) => ({ value, rows: funnelRows(counters, steps, `${by}=${value}`) }))
    : [];
  return { range, steps, rows, breakdown };
}

export async function getPaths(range: DayRange, outcome: string | null) {
  const counters = await readCounters(getStore(), JOURNEY, range.from, range.to, ["path"]);
  const labels = Object.fromEntries(journeyByName(JOURNEY).funnel.map((s) => [s.key, s.label]));
  const paths = commonPaths(counters, outcome, 15);
  return { range, paths, labels, sankey: pathsSankey(paths, labels) };
}

export async function getPopularity(range: DayRange) {
  const { offers, destinations, packages } = popularity(await readCounters(getStore(), JOURNEY, range.from, range.to, ["offer", "destination", "package"]));
  return {
    range,
    offers,
    destinations,
    packages,
    // Most popular first in every list; the least popular are the end of the destinations list.
    leastPopular: [...destinations].reverse().slice(0, 5),
    viewedNotBooked: { destinations: viewedNotBooked(destinations), offers: viewedNotBooked(offers) },
  };
}
