import "server-only";
import type { Viewer } from "../access/viewer";
import type { CohortSession, Figure } from "../analytics/after-drop-off";
import type { DayRange } from "../analytics/range";
import { readDropOffSessions } from "../analytics/read-after-drop-off";
import { getReadStore } from "../db/read-store";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { readFigureSessions, readSegmentCohort, readStepFigureSessions, type Step } from "../segments/segment-cohort";
import type { Segment } from "../segments/segment-store";
import { checkedFilterFor } from "./session-search";

type Journey = JourneyDefinition<unknown>;

export { PATHS_SHOWN, segmentJourney, stepOf } from "../segments/segment-cohort";

/** The funnel's drop-offs at a step in the range (the funnel's "dropped off here"). */
export const stepCohort = (journey: Journey, range: DayRange, step: Step) => readDropOffSessions(getReadStore(), journey.name, range, step.depth);

export const stepFigureSessions = (journey: Journey, range: DayRange, step: Step, figure: Figure) =>
  readStepFigureSessions(getReadStore(), journey, range, step, figure);

/** A segment's sessions of a journey, its search checked for this viewer as the sessions page checks it. */
export const segmentCohort = (viewer: Viewer, segment: Segment, journey: Journey): Promise<CohortSession[]> =>
  readSegmentCohort(getReadStore(), segment, journey, (filter) => checkedFilterFor(viewer, filter));

/** The sessions behind a figure of a segment's report. */
export async function segmentFigureSessions(viewer: Viewer, segment: Segment, journey: Journey, figure: Figure) {
  return readFigureSessions(getReadStore(), journey, await segmentCohort(viewer, segment, journey), figure);
}
