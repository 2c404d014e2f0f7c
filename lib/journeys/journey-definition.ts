import type { JourneyEvent } from "./journey-event";

export type SessionOutcome = "booked" | "abandoned" | "browsed" | "live";

export interface FunnelStep {
  key: string;
  label: string;
}

/** Where the user stopped, what they had chosen, and what remains to continue. */
export interface ResumePoint {
  step: string;
  label: string;
  chosen: Record<string, string>;
  remaining: string[];
  /** reasons the journey can no longer be continued as it was */
  blockers: string[];
}

/** A fact the fold keeps, in plain words, for the "where they left off" card and the state panel. */
export type StateFacts = Record<string, string>;

/**
 * A word to find a customer by, and what kind of word it is, which decides how it may be matched
 * (lib/sessions/read-sessions.ts searchUserIds): names by whole words, emails and phone numbers
 * only whole, booking references (and user ids) by a prefix too.
 */
export interface SearchTerm {
  term: string;
  kind: "name" | "email" | "phone" | "booking";
}

/**
 * A journey definition: a pure fold over a session's events plus how to read it. Adding a domain
 * means adding one of these; the sessionizer, projector and player never change.
 */
export interface JourneyDefinition<S = unknown> {
  readonly name: string;
  /** does this definition understand this event type? (the first definition claiming any event of a session folds it) */
  claims(type: string): boolean;
  initialState(): S;
  evolve(state: S, event: JourneyEvent): S;
  /** the event in plain words, e.g. "Searched Lisbon, 12–19 Jun, 2 adults" */
  describe(event: JourneyEvent): string;
  funnel: readonly FunnelStep[];
  /** the funnel steps the state has reached, as keys of `funnel` */
  funnelReached(state: S): string[];
  outcome(state: S, open: boolean): SessionOutcome;
  lastStep(state: S): string;
  resumePoint(state: S): ResumePoint | null;
  /** does a session stopped at this resume point leave a booking open (its user's open booking)? Absent: never. */
  leavesOpenBooking?(resumePoint: ResumePoint): boolean;
  /** the state as labelled facts for people to read */
  facts(state: S): StateFacts;
  /** words a support agent may search a user by (names, emails, references) found in this event */
  searchTerms(event: JourneyEvent): SearchTerm[];
  /** the person's name, when this event states it (shown to support agents, masked by policy) */
  personName(event: JourneyEvent): string | null;
  /**
   * does the journey believe this event? (a payment only from the payment service); one it does
   * not believe leaves state, outcome and analytics as they were. Absent: every event is believed.
   */
  trusts?(event: { type: string; source: string }): boolean;
  /** session boundaries this domain knows: sign-in starts one, sign-out and expiry end one */
  boundary(type: string): "sign_in" | "sign_out" | "expired" | null;
}

/** Folds events from a state (the initial one, or a snapshot) with the definition's evolve. */
export function foldEvents<S>(definition: JourneyDefinition<S>, events: readonly JourneyEvent[], from?: S): S {
  let state = from ?? definition.initialState();
  for (const event of events) state = definition.evolve(state, event);
  return state;
}
