import type { ResumePoint } from "../journeys/journey-definition";
import type { JourneyResume } from "../resume/journey-resume";

/**
 * The left-off card's point judged now, not at the session's last event: what remains and what no
 * longer holds as the customer page's Resume card says it (lib/resume/find-resume.ts
 * resumeOfSession), so a hold that lapsed after the session no longer reads "Pay … (price held
 * until …)". What was chosen stays as folded. Without a judgement (a visitor's session, or a
 * journey with nothing left to resume) the point stays as the fold left it.
 */
export function leftOffNow(point: ResumePoint | null, now: JourneyResume | null): ResumePoint | null {
  if (!point || !now) return point;
  return {
    ...point,
    remaining: now.canContinue ? now.remaining : [],
    blockers: now.noLongerHolds.map((n) => n.message),
  };
}
