import type { JourneyEvent } from "./journey-event";

/**
 * How a session ended, in the four words every API answers. A journey may name them more finely
 * (`outcomeLabel`): the booking journey's `completed` is "booked".
 */
export type SessionOutcome = "completed" | "abandoned" | "browsed" | "live";

/** Why a session stopped, when no drop reason of its journey matched: its end reason as a key. */
export type EndReasonKey = "timed_out" | "signed_out" | "expired" | "superseded";

export interface FunnelStep {
  key: string;
  label: string;
}

/** A key with the words people read for it: a dimension, a drop reason. */
export interface Labelled {
  key: string;
  label: string;
}

/** A dimension's value in one session, and its name for people when the journey knows one. */
export interface DimensionValue {
  value: string;
  label: string | null;
}

/** Where the user stopped, what they had chosen, and what remains to continue. */
export interface ResumePoint {
  /** the last reached step's key (the booking journey: its booking's status) */
  step: string;
  /** the words for that step */
  label: string;
  /** what was chosen, labelled for people (the booking journey's offer, dates, travellers…) */
  chosen: Record<string, string>;
  /** the journey's facts by key, as `{facts.x}` in a resume URL reads them */
  facts: Record<string, string>;
  /** the steps still to do, in words */
  remaining: string[];
  /** reasons the journey can no longer be continued as it was (the API's `noLongerHolds`) */
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
 * A journey: a pure fold over a session's events plus how to read it. The built-in booking journey
 * is written in TypeScript; every other one is a JSON definition (lib/journeys/definition) turned
 * into one of these. The sessionizer, projector, analytics and pages only ever see this interface.
 */
export interface JourneyDefinition<S = unknown> {
  readonly name: string;
  /** how pages name these sessions ("Holiday bookings", "Shop visits") */
  readonly label: string;
  /** higher is tried first when several journeys claim an event (the booking journey is 0) */
  readonly priority: number;
  /**
   * the JSON definition a data journey was compiled from (a JourneyDocument), so the player can fold
   * it in the browser too; typed loosely here because the schema's module imports this one
   */
  readonly document?: unknown;
  /** does this journey claim this event (its type and source)? */
  claims(event: { type: string; source: string }): boolean;
  initialState(): S;
  evolve(state: S, event: JourneyEvent): S;
  /** the event in plain words, e.g. "Searched Lisbon, 12–19 Jun 2027, 2 adults" */
  describe(event: JourneyEvent): string;
  /**
   * a session's events in plain words, each read with the ones before it (an event naming an offer
   * by id reads as the offer an earlier event named); without it, `describe` for each. `names`:
   * what earlier pages of the same session named, kept across calls (see `describerOf`)
   */
  describeInOrder?(events: readonly JourneyEvent[], names?: Map<string, string>): string[];
  /** the steps, in order: the funnel */
  funnel: readonly FunnelStep[];
  /** the funnel steps the state has reached, as keys of `funnel` */
  funnelReached(state: S): string[];
  outcome(state: S, open: boolean): SessionOutcome;
  /** the journey's own word for an outcome, which may be finer ("booked", "cancelled a booking") */
  outcomeLabel(state: S, outcome: SessionOutcome): string;
  lastStep(state: S): string;
  resumePoint(state: S): ResumePoint | null;
  /**
   * where Continue goes for this journey: a template with `{facts.x}`, `{userid}`, `{sessionid}`
   * and `{token}` (lib/journeys/definition fills it); absent: the server's default template
   */
  resumeUrl?: string;
  /** does a session stopped at this resume point leave a booking open (its user's open booking)? Absent: never. */
  leavesOpenBooking?(resumePoint: ResumePoint): boolean;
  /** the state as labelled facts for people to read */
  facts(state: S): StateFacts;
  /** what analytics can break sessions down by */
  dimensions: readonly Labelled[];
  /** a session's values per dimension key, from its final state and its events in replay order */
  dimensionValues(state: S, events: readonly JourneyEvent[]): Record<string, DimensionValue[]>;
  /** the drop reasons the journey names (end reasons are added to these by analytics) */
  dropReasons: readonly Labelled[];
  /**
   * why a session that is neither completed nor live stopped: one of `dropReasons`' keys, or the
   * end reason as a key when none matched; null for completed and live sessions
   */
  dropReason(state: S, outcome: SessionOutcome, endReason: EndReasonKey | "open"): string | null;
  /** words a support agent may search a user by (names, emails, references) found in this event */
  searchTerms(event: JourneyEvent): SearchTerm[];
  /** the person's name, when this event states it (shown to support agents, masked by policy) */
  personName(event: JourneyEvent): string | null;
  /** event paths this journey says hold personal data (its `people`): added to the policy's paths */
  personalPaths?: readonly string[];
  /**
   * does the journey believe this event? (a payment only from the payment service); one it does
   * not believe leaves state, outcome and analytics as they were. Absent: every event is believed.
   */
  trusts?(event: { type: string; source: string }): boolean;
  /** session boundaries this journey knows: sign-in starts one, sign-out and expiry end one */
  boundary(type: string): "sign_in" | "sign_out" | "expired" | null;
}

/** Folds events from a state (the initial one, or a snapshot) with the definition's evolve. */
/** A session's events in plain words, in order (see `describeInOrder`). */
export function describeEvents<S>(definition: JourneyDefinition<S>, events: readonly JourneyEvent[]): string[] {
  return describerOf(definition)(events);
}

/**
 * The same words for a session read page by page (an export, a live tail): each page is read with
 * what the pages before it named, so an offer saved on page 2 reads as the offer page 1 viewed,
 * exactly as the timeline, which reads the session whole, words it.
 */
export function describerOf<S>(definition: JourneyDefinition<S>): (page: readonly JourneyEvent[]) => string[] {
  const names = new Map<string, string>();
  return (page) => (definition.describeInOrder ? definition.describeInOrder(page, names) : page.map((e) => definition.describe(e)));
}

export function foldEvents<S>(definition: JourneyDefinition<S>, events: readonly JourneyEvent[], from?: S): S {
  let state = from ?? definition.initialState();
  for (const event of events) state = definition.evolve(state, event);
  return state;
}
