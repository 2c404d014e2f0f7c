import "server-only";
import { dimensionOf } from "../analytics/answers";
import type { FunnelAnswer, OverviewAnswer, PopularityAnswer } from "../analytics/api-schemas";
import type { DayRange } from "../analytics/range";
import { readFunnelAnswer, readOverviewAnswer, readPopularityAnswer } from "../analytics/read-answers";
import { getReadStore } from "../db/read-store";
import { ApiError } from "../http/errors";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { maskDimensionRows } from "./analytics-masking";
import { liveCatalog } from "./catalog";

/** The analytics API's answers (GET /api/analytics/…): daily counters only, the journey's words from the live catalog. */
export async function requireJourney(name: string): Promise<JourneyDefinition<unknown>> {
  const catalog = await liveCatalog();
  const journey = catalog.byName(name);
  if (!journey) {
    const known = [...catalog.journeys.map((j) => j.name), "generic"];
    throw new ApiError("not_found", `no journey "${name}": the journeys are ${known.join(", ")}`, { parameter: "journey", journey: name });
  }
  return journey;
}

export async function funnelOf(query: DayRange & { journey: string }): Promise<FunnelAnswer> {
  return readFunnelAnswer(getReadStore(), await requireJourney(query.journey), query);
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
  const answer = await readPopularityAnswer(getReadStore(), journey.name, dimension.key, query, query.limit);
  return { ...answer, rows: await maskDimensionRows(journey, dimension.key, answer.rows) };
}

export async function overviewOf(query: DayRange & { journey: string }): Promise<OverviewAnswer> {
  return readOverviewAnswer(getReadStore(), (await requireJourney(query.journey)).name, query);
}
