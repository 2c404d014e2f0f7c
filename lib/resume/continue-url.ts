import { fillResumeUrl } from "../journeys/definition/templates";
import type { JourneyResume } from "./journey-resume";
import { fillTemplate } from "./resume-token";

export interface ContinueTarget {
  /** the journey's own `resume.url` (a data journey's definition), if it has one */
  resumeUrl?: string;
  /** REWIND_RESUME_URL_TEMPLATE: where the booking journey's Continue goes */
  bookingTemplate: string;
}

export interface ContinueValues {
  /** what `{userid}` names: the customer's reference where their user id is personal, else the id */
  userKey: string;
  sessionId: string;
  /** the resume link's token */
  token: string;
}

/** Can Continue go anywhere for this journey? (A data journey without `resume.url` has nowhere to send the customer.) */
export function hasContinueTarget(resume: Pick<JourneyResume, "chosen">, target: ContinueTarget): boolean {
  return target.resumeUrl !== undefined || resume.chosen !== undefined;
}

/**
 * Where Continue goes, every placeholder filled in and URL-encoded; null when there is nothing to
 * continue or nowhere to go. A journey with its own `resume.url` fills `{facts.x}`, `{userid}`,
 * `{sessionid}` and `{token}`; the booking journey keeps its template of the draft's fields.
 */
export function continueUrlOf(resume: JourneyResume, target: ContinueTarget, values: ContinueValues): string | null {
  if (!resume.canContinue) return null;
  if (target.resumeUrl !== undefined) {
    return fillResumeUrl(target.resumeUrl, { facts: resume.facts, userid: values.userKey, sessionid: values.sessionId, token: values.token });
  }
  const c = resume.chosen;
  if (!c) return null;
  return fillTemplate(target.bookingTemplate, {
    bookingId: c.bookingId,
    offerId: c.offerId,
    // The booking system's code ("MLA"), not the place's name people read.
    destination: c.destinationCode ?? c.destination,
    checkIn: c.checkIn,
    checkOut: c.checkOut,
    adults: c.adults,
    children: c.children,
    extras: c.extras.join(","),
    token: values.token,
  });
}
