import type { Store } from "../db/prisma";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { funnelAnswer, overviewAnswer, popularityAnswer } from "./answers";
import type { FunnelAnswer, OverviewAnswer, PopularityAnswer } from "./api-schemas";
import type { DayRange } from "./range";
import { countDistinctUsers, readCounters, readDailyCounters, readGapHistograms } from "./read-analytics";

/**
 * The analytics API's answers read from one store for one journey: the daily counters (and, for
 * distinct users, the sessions' index), never events. The caller has checked the journey and the
 * dimension against the catalog.
 */
type Journey = Pick<JourneyDefinition<unknown>, "name" | "funnel" | "dropReasons">;

export async function readFunnelAnswer(store: Store, journey: Journey, range: DayRange): Promise<FunnelAnswer> {
  const [counters, gaps] = await Promise.all([
    readCounters(store, journey.name, range.from, range.to, ["sessions", "funnel", "drop"]),
    readGapHistograms(store, journey.name, range.from, range.to),
  ]);
  return funnelAnswer(journey, range, counters, gaps);
}

export async function readPopularityAnswer(store: Store, journey: string, dimension: string, range: DayRange, limit: number): Promise<PopularityAnswer> {
  const counters = await readCounters(store, journey, range.from, range.to, ["dimension", "dimension-completed", "dimension-label"]);
  return popularityAnswer(journey, dimension, counters, limit);
}

export async function readOverviewAnswer(store: Store, journey: string, range: DayRange): Promise<OverviewAnswer> {
  const kinds = ["sessions", "outcome", "users"];
  const [counters, daily, users] = await Promise.all([
    readCounters(store, journey, range.from, range.to, kinds),
    readDailyCounters(store, journey, range.from, range.to, kinds),
    countDistinctUsers(store, journey, range.from, range.to),
  ]);
  return overviewAnswer(journey, range, counters, daily, users);
}
