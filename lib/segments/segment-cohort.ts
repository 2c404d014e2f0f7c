import { type CohortSession, type Figure, figureSessions, summariseAfterDropOff } from "../analytics/after-drop-off";
import type { DayRange } from "../analytics/range";
import { readCohortSessions, readDropOffSessions, readFollowUps } from "../analytics/read-after-drop-off";
import type { Store } from "../db/prisma";
import { ApiError } from "../http/errors";
import type { JourneyDefinition } from "../journeys/journey-definition";
import type { CheckedFilter } from "../search/check-filter";
import type { SessionSearchFilter } from "../search/filter";
import { parsePageSearchQuery } from "../search/query";
import { matchingSessionIds } from "../search/search-sessions";
import { drillDownFilter, drillDownQuerySchema } from "../sessions/drill-down-query";
import { selectMatchingIds } from "../sessions/read-sessions";

// Whose follow-up "what came after" counts: a funnel step's drop-offs, or a saved segment's
// sessions of one journey. Both end as a list of sessions, so the report, its drill-downs and
// the API answer by one set of rules (lib/analytics/after-drop-off.ts).

type Journey = JourneyDefinition<unknown>;

/** The paths the report draws; a drill-down into a graph node recomputes the same ones. */
export const PATHS_SHOWN = 8;

/** A funnel step of the journey by key, and its depth (1-based); null when the journey has no such step. */
export function stepOf(journey: Journey, key: string | undefined) {
  const index = journey.funnel.findIndex((s) => s.key === key);
  return index < 0 ? null : { key: journey.funnel[index]!.key, label: journey.funnel[index]!.label, depth: index + 1 };
}
export type Step = NonNullable<ReturnType<typeof stepOf>>;

/** The sessions behind a figure of a cohort's report, as its drill-down lists them. */
export async function readFigureSessions(store: Store, journey: Journey, cohort: readonly CohortSession[], figure: Figure): Promise<CohortSession[]> {
  const all = await readFollowUps(store, journey.name, cohort);
  return figureSessions(
    all,
    figure,
    summariseAfterDropOff(all, cohort, PATHS_SHOWN).nextPaths.map((p) => p.key),
  );
}

/** The sessions behind a figure of a step's report (the funnel's drop-offs at the step in the range). */
export async function readStepFigureSessions(store: Store, journey: Journey, range: DayRange, step: Step, figure: Figure) {
  return readFigureSessions(store, journey, await readDropOffSessions(store, journey.name, range, step.depth), figure);
}

/**
 * The journey a segment's sessions are of, when its query names one (a drill-down always does):
 * the report follows them in that journey; a segment of every journey needs one chosen.
 */
export function segmentJourney(query: string): string | undefined {
  const params = new URLSearchParams(query);
  if (params.has("search")) return parsePageSearchQuery(params).filter.journey;
  return drillDownFilter(drillDownQuerySchema.parse(Object.fromEntries(params))).journeyName;
}

/**
 * A segment's sessions of a journey, as the sessions page counts its query: the filter builder's
 * search (checked for the caller by `check`), a drill-down, or a figure of "what came after".
 */
export async function readSegmentCohort(
  store: Store,
  segment: { name: string; query: string },
  journey: Journey,
  check: (filter: SessionSearchFilter) => Promise<CheckedFilter>,
): Promise<CohortSession[]> {
  const params = new URLSearchParams(segment.query);
  // A segment follows a query, never another segment: a loop of segments could not be counted.
  if (params.has("segment")) throw new ApiError("invalid_request", `the segment "${segment.name}" is built on another segment: open that one instead`);
  if (params.has("search")) {
    const filter = await check({ ...parsePageSearchQuery(params).filter, journey: journey.name });
    return readCohortSessions(store, await matchingSessionIds(store, filter));
  }
  const q = drillDownQuerySchema.parse(Object.fromEntries(params));
  if (q.afterDrop) {
    const step = stepOf(journey, q.step);
    if (!step || !q.from || !q.to) return [];
    const picked = await readStepFigureSessions(store, journey, { from: q.from, to: q.to }, step, q.afterDrop);
    return picked.filter((s) => q.outcome === undefined || s.outcome === q.outcome);
  }
  return readCohortSessions(store, await selectMatchingIds(store, { ...drillDownFilter(q).filter, journey: journey.name }));
}
