import type { DimensionValue, EndReasonKey, JourneyDefinition, SessionOutcome } from "../journeys/journey-definition";
import type { JourneyEvent } from "../journeys/journey-event";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";

/**
 * What analytics needs of one session, computed once when the projector folds it (pure): the day
 * it started, its values of each of its journey's dimensions, how far down the journey's funnel it went and when it reached
 * each step, why it stopped, the offers it looked at, started and booked, and its path. The daily
 * roll-ups are sums of these, so a page never reads an event.
 */
export interface OfferFacts {
  offerId: string;
  destination: string;
  hotel: string;
  package: string;
  views: number;
  started: boolean;
  booked: boolean;
  revenue: number;
}

export interface SessionFacts {
  day: string;
  /** per dimension key of the journey, the session's values (none: an empty list) */
  dimensions: Record<string, DimensionValue[]>;
  /**
   * `key=value` for each dimension value, `key=unknown` for a dimension without one: what a
   * drill-down by dimension matches (lib/sessions/read-sessions.ts), as the funnel breakdown names it
   */
  dimensionIndex: string[];
  /** how many of the funnel's steps were reached in order (0 … funnel length) */
  depth: number;
  /** when each funnel step was first reached (epoch ms), by funnel index */
  reachedAt: (number | null)[];
  /** why a session that did not convert stopped (null for booked and live sessions) */
  dropReason: string | null;
  offers: OfferFacts[];
  /** the funnel steps in the order reached, then how it ended */
  path: string[];
  /**
   * the journey's finer word for how it ended, when it differs from the outcome's plain word
   * ("cancelled a booking" of a browsed booking session); absent otherwise, and in facts stored before it
   */
  finerOutcome?: string;
  /**
   * the session's event types (those its journey believes) in order, consecutive repeats collapsed, the first EVENT_PATH_LEVELS of
   * them, then "end:<outcome>" (the paths page's event-level Sankey); absent in facts stored before it
   */
  eventPath?: string[];
}

/** How many collapsed event types an event path keeps before its ending, as PostHog's paths do. */
export const EVENT_PATH_LEVELS = 6;

/** The event path of a session's events: types in order, a repeat of the one before dropped, cut at EVENT_PATH_LEVELS. */
export function eventPathOf(events: readonly Pick<JourneyEvent, "type">[], outcome: string): string[] {
  const types: string[] = [];
  for (const e of events) {
    if (types.length === EVENT_PATH_LEVELS) break;
    if (types.at(-1) !== e.type) types.push(e.type);
  }
  return [...types, `end:${outcome}`];
}

/** The journey's word for this ending when it is finer than the outcome's own word (else undefined). */
function finerOutcomeOf(journey: JourneyDefinition<unknown>, state: unknown, outcome: SessionOutcome): string | undefined {
  const label = journey.outcomeLabel(state, outcome);
  return label === journey.outcomeLabel(undefined, outcome) ? undefined : label;
}

type Data = Record<string, unknown>;
const str = (d: Data, k: string) => (typeof d[k] === "string" ? (d[k] as string) : "");

function offersOf(events: readonly JourneyEvent[]): OfferFacts[] {
  const offers = new Map<string, OfferFacts>();
  const offerOfBooking = new Map<string, string>();
  const offer = (id: string, d: Data) => {
    let o = offers.get(id);
    if (!o) {
      o = {
        offerId: id,
        destination: str(d, "destination"),
        hotel: str(d, "hotel"),
        package: str(d, "package"),
        views: 0,
        started: false,
        booked: false,
        revenue: 0,
      };
      offers.set(id, o);
    }
    return o;
  };
  for (const e of events) {
    const d = (e.data && typeof e.data === "object" ? e.data : {}) as Data;
    if (e.type === T.offerViewed && str(d, "offerId")) offer(str(d, "offerId"), d).views += 1;
    if (e.type === T.bookingStarted && str(d, "offerId")) {
      offer(str(d, "offerId"), d).started = true;
      offerOfBooking.set(str(d, "bookingId"), str(d, "offerId"));
    }
    if (e.type === T.bookingConfirmed) {
      const id = offerOfBooking.get(str(d, "bookingId"));
      const o = id ? offers.get(id) : undefined;
      if (o && !o.booked) {
        o.booked = true;
        o.revenue += typeof d.total === "number" ? d.total : 0;
      }
    }
  }
  return [...offers.values()];
}

/** The drill-down keys of a session's dimension values: `key=value`, or `key=unknown` when it has none. */
export function dimensionIndexOf(dimensions: Record<string, readonly DimensionValue[]>): string[] {
  return Object.entries(dimensions).flatMap(([key, values]) => (values.length === 0 ? [`${key}=unknown`] : values.map((v) => `${key}=${v.value}`)));
}

/** A live session closed by inactivity: its outcome is known now, and so is why it stopped. */
export function closedFacts(facts: SessionFacts, journey: JourneyDefinition<unknown>, finalState: unknown, outcome: SessionOutcome): SessionFacts {
  const dropReason = journey.dropReason(finalState, outcome, "timed_out");
  // The word for the ending is the closed one's: the live one's finer word (if any) no longer holds.
  const { finerOutcome: _wasLive, ...rest } = facts;
  const reEnd = (path: readonly string[]) => [...path.filter((p) => !p.startsWith("end:")), `end:${outcome}`];
  const closed: SessionFacts = { ...rest, dropReason, path: reEnd(facts.path), ...(facts.eventPath ? { eventPath: reEnd(facts.eventPath) } : {}) };
  const finer = finerOutcomeOf(journey, finalState, outcome);
  return finer === undefined ? closed : { ...closed, finerOutcome: finer };
}

export function sessionFacts(
  definition: JourneyDefinition<unknown>,
  events: readonly JourneyEvent[],
  outcome: SessionOutcome,
  endReason: EndReasonKey | "open",
): SessionFacts {
  const funnel = definition.funnel.map((s) => s.key);
  const reachedAt: (number | null)[] = funnel.map(() => null);
  let state = definition.initialState();
  for (const event of events) {
    state = definition.evolve(state, event);
    for (const key of definition.funnelReached(state)) {
      const i = funnel.indexOf(key);
      if (i >= 0 && reachedAt[i] === null) reachedAt[i] = event.time;
    }
  }
  // Steps count in order only: a step first reached before the one before it (a deep link into an
  // offer, then a search) ends the funnel there.
  let depth = 0;
  while (depth < funnel.length && reachedAt[depth] !== null && (depth === 0 || reachedAt[depth]! >= reachedAt[depth - 1]!)) depth++;
  const order = funnel
    .map((key, i) => ({ key, at: reachedAt[i] }))
    .filter((s) => s.at !== null)
    .sort((a, b) => a.at! - b.at!);
  const found = definition.dimensionValues(state, events);
  const finer = finerOutcomeOf(definition, state, outcome);
  const dimensions = Object.fromEntries(definition.dimensions.map((d) => [d.key, found[d.key] ?? []]));
  // Only what the journey believes counts: a confirmation from a stranger sells nothing, nor is it a step of the event path.
  const believed = definition.trusts ? events.filter((e) => definition.trusts!(e)) : events;
  return {
    day: new Date(events[0]!.time).toISOString().slice(0, 10),
    dimensions,
    dimensionIndex: dimensionIndexOf(dimensions),
    depth,
    reachedAt,
    dropReason: definition.dropReason(state, outcome, endReason),
    offers: definition.name === "holiday-booking" ? offersOf(believed) : [],
    path: [...order.map((s) => s.key), `end:${outcome}`],
    eventPath: eventPathOf(believed, outcome),
    ...(finer === undefined ? {} : { finerOutcome: finer }),
  };
}
