import "server-only";
import { dimensionOf, funnelAnswer, overviewAnswer, popularityAnswer } from "../analytics/answers";
import type { FunnelAnswer, OverviewAnswer, PopularityAnswer } from "../analytics/api-schemas";
import type { DayRange } from "../analytics/range";
import { countDistinctUsers, readCounters, readDailyCounters, readGapHistograms } from "../analytics/read-analytics";
import { getStore } from "../db/prisma";
import { ApiError } from "../http/errors";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { analyticsCatalog } from "./analytics-catalog";

/** The analytics API's answers (GET /api/analytics/…): daily counters only, the journey's words from the live catalog. */
async function requireJourney(name: string): Promise<JourneyDefinition<unknown>> {
  const catalog = await analyticsCatalog();
  const journey = catalog.byName(name);
  if (!journey) {
    const known = [...catalog.journeys.map((j) => j.name), "generic"];
    throw new ApiError("not_found", `no journey "${name}": the journeys are ${known.join(", ")}`, { parameter: "journey", journey: name });
  }
  return journey;
}

export async function funnelOf(query: DayRange & { journey: string }): Promise<FunnelAnswer> {
  const journey = await requireJourney(query.journey);
  const store = getStore();
  const [counters, gaps] = await Promise.all([
    readCounters(store, journey.name, query.from, query.to, ["sessions", "funnel", "drop"]),
    readGapHistograms(store, journey.name, query.from, query.to),
  ]);
  return funnelAnswer(journey, query, counters, gaps);
}

export async function popularityOf(query: DayRange & { journey: string; dimension: string; limit: number }): Promise<PopularityAnswer> {
  const journey = await requireJourney(query.journey);
  const dimension = dimensionOf(journey, query.dimension);
  if (!dimension) {
    const known = journey.dimensions.map((d) => d.key);
    throw new ApiError(
      "not_found",
      `the journey "${journey.name}" has no dimension "${query.dimension}": ${known.length > 0 ? `its dimensions are ${known.join(", ")}` : "it has none"}`,
      { parameter: "dimension", journey: journey.name, dimension: query.dimension },
    );
  }
  const counters = await readCounters(getStore(), journey.name, query.from, query.to, ["dimension", "dimension-completed", "dimension-label"]);
  return popularityAnswer(journey.name, dimension.key, counters, query.limit);
}

export async function overviewOf(query: DayRange & { journey: string }): Promise<OverviewAnswer> {
  const journey = await requireJourney(query.journey);
  const store = getStore();
  const kinds = ["sessions", "outcome", "users"];
  const [counters, daily, users] = await Promise.all([
    readCounters(store, journey.name, query.from, query.to, kinds),
    readDailyCounters(store, journey.name, query.from, query.to, kinds),
    countDistinctUsers(store, journey.name, query.from, query.to),
  ]);
  return overviewAnswer(journey.name, query, counters, daily, users);
}
