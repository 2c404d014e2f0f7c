import type { Store } from "../db/prisma";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { bookingResume } from "../journeys/booking/booking-resume";
import type { BookingState } from "../journeys/booking/booking-state";
import type { ResumePoint } from "../journeys/journey-definition";
import { listUserSessions, type Session } from "../sessions/read-sessions";
import { completedSince, fromBookingResume, fromResumePoint, type JourneyResume } from "./journey-resume";
import { readLaterEvents } from "./later-events";

/** GET /api/users/<id>/resume's answer (before the customer's reference is added and the policy masks it). */
export interface ResumeAnswer {
  userId: string;
  sessionId: string;
  journey: string;
  stoppedAt: string;
  resume: JourneyResume;
}

/** A resume answer, and what the session had chosen in its journey's words (for the customer's page). */
export interface FoundResume {
  answer: ResumeAnswer;
  chosen: Record<string, string>;
}

export async function resumeOfSession(store: Store, session: Session, now: number): Promise<FoundResume | null> {
  if (!session.userId) return null;
  const point = session.resumePoint as ResumePoint | null;
  const resume = session.journey === bookingJourney.name ? await bookingResumeOf(store, session, point, now) : await pointResumeOf(store, session, point);
  if (!resume) return null;
  const answer = { userId: session.userId, sessionId: session.id, journey: session.journey, stoppedAt: session.lastEventAt.toISOString(), resume };
  return { answer, chosen: point?.chosen ?? {} };
}

/** The booking journey reads what happened after the session on its offer's and booking's streams. */
async function bookingResumeOf(store: Store, session: Session, point: ResumePoint | null, now: number): Promise<JourneyResume | null> {
  const state = session.finalState as unknown as BookingState;
  const later = await readLaterEvents(store, state, { userId: session.userId, lastEventAt: session.lastEventAt });
  const resume = bookingResume(state, later, now);
  return resume ? fromBookingResume(resume, point) : null;
}

/** Any other journey: its resume point as folded, and whether a later session of the customer completed it. */
async function pointResumeOf(store: Store, session: Session, point: ResumePoint | null): Promise<JourneyResume | null> {
  if (!point) return null;
  const later = await listUserSessions(store, session.userId!, 200);
  return fromResumePoint(point, { completedSince: completedSince(session, later) });
}

/** The latest of a customer's sessions with something to resume: not live, and with a resume point. */
export async function latestResume(store: Store, userId: string, now: number): Promise<FoundResume | null> {
  for (const session of await listUserSessions(store, userId, 50)) {
    if (session.resumePoint === null || session.endReason === "open") continue;
    const found = await resumeOfSession(store, session, now);
    if (found) return found;
  }
  return null;
}
