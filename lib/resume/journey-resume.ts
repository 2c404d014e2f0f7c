import type { BookingResume, ResumeChoice } from "../journeys/booking/booking-resume";
import type { ResumePoint } from "../journeys/journey-definition";

/** Something that changed since the session stopped; `blocking`: there is nothing left to continue. */
export interface NoLongerHold {
  code: string;
  message: string;
  blocking: boolean;
}

/**
 * The `resume` of GET /api/users/<id>/resume, the same for every journey: the step the session
 * stopped at, its facts by key (what `{facts.x}` in a resume URL reads), the steps still to do and
 * what no longer holds. The booking journey keeps `chosen` beside, for its booking app's form.
 */
export interface JourneyResume {
  canContinue: boolean;
  step: string;
  stepLabel: string;
  facts: Record<string, string>;
  remaining: string[];
  noLongerHolds: NoLongerHold[];
  chosen?: ResumeChoice;
}

/** The booking journey's richer resume (holds, repricing, later bookings), in the common shape. */
export function fromBookingResume(resume: BookingResume, point: ResumePoint | null): JourneyResume {
  const { canContinue, step, stepLabel, remaining, noLongerHolds, chosen } = resume;
  // A session folded before resume points had facts keeps its labelled choice until it is re-folded.
  return { canContinue, step, stepLabel, facts: point?.facts ?? point?.chosen ?? {}, remaining, noLongerHolds, chosen };
}

export const COMPLETED_SINCE: NoLongerHold = {
  code: "completed_since",
  message: "This was finished since, in a later visit: there is nothing left to do.",
  blocking: true,
};

/**
 * Any other journey's resume: its resume point as the fold left it (the last step reached, its
 * facts, the steps still to do), and whether the same customer has completed the same journey in
 * a later session, which leaves nothing to continue. The point's own blockers are changes the
 * customer should know of, not reasons to stop.
 */
export function fromResumePoint(point: ResumePoint, later: { completedSince: boolean }): JourneyResume {
  const noLongerHolds: NoLongerHold[] = [
    ...point.blockers.map((message) => ({ code: "changed", message, blocking: false })),
    ...(later.completedSince ? [COMPLETED_SINCE] : []),
  ];
  return {
    canContinue: !noLongerHolds.some((n) => n.blocking),
    step: point.step,
    stepLabel: point.label,
    facts: point.facts,
    remaining: point.remaining,
    noLongerHolds,
  };
}

/** Did the customer complete this journey in a session that started after this one? */
export function completedSince(
  session: { id: string; journey: string; startedAt: Date },
  others: readonly { id: string; journey: string; startedAt: Date; outcome: string }[],
): boolean {
  return others.some((o) => o.id !== session.id && o.journey === session.journey && o.startedAt > session.startedAt && o.outcome === "completed");
}
