import { bookingJourney } from "./booking/booking-journey";
import { genericJourney } from "./generic/generic-journey";
import type { JourneyDefinition, SearchTerm } from "./journey-definition";

/**
 * The journeys one fold uses: the built-in ones and the stored definitions of one generation of the
 * read models. Not a global: the live projector and a new generation being built fold with
 * different catalogs at once, so whoever folds is handed its catalog.
 */
export interface JourneyCatalog {
  /** every journey, highest priority first, then by name; the generic journey is not in the list */
  readonly journeys: readonly JourneyDefinition<unknown>[];
  /** the journey of that name, or null (the generic journey answers to "generic") */
  byName(name: string): JourneyDefinition<unknown> | null;
  /** the journey that claims this event, by priority then name; null when none does */
  claimantOf(event: { type: string; source: string }): JourneyDefinition<unknown> | null;
  /** the journey of a session: the claimant of its first event any journey claims; otherwise generic */
  journeyOf(events: readonly { type: string; source: string }[]): JourneyDefinition<unknown>;
  /** the union of every journey's boundaries */
  boundaryOf(type: string): "sign_in" | "sign_out" | "expired" | null;
  /** the words a support agent may find this event's person by, from its claimant */
  searchTermsOf(event: Parameters<JourneyDefinition<unknown>["searchTerms"]>[0]): SearchTerm[];
}

/** Most claimant answers are asked again and again (every event of the feed): remembered per type and source, up to this many. */
const CLAIMANT_CACHE = 10_000;

/**
 * A catalog of these journeys (the generic journey takes whatever none claims). Names are unique:
 * a second journey of one name is refused, so a stored definition cannot shadow a built-in one.
 */
export function catalogOf(definitions: readonly JourneyDefinition<unknown>[]): JourneyCatalog {
  const journeys = [...definitions].sort((a, b) => b.priority - a.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const byName = new Map<string, JourneyDefinition<unknown>>();
  for (const journey of journeys) {
    if (byName.has(journey.name) || journey.name === genericJourney.name) throw new Error(`two journeys are named "${journey.name}"`);
    byName.set(journey.name, journey);
  }
  const claimants = new Map<string, JourneyDefinition<unknown> | null>();
  const claimantOf = (event: { type: string; source: string }) => {
    const key = `${event.type}\u0000${event.source}`;
    let claimant = claimants.get(key);
    if (claimant === undefined) {
      claimant = journeys.find((j) => j.claims(event)) ?? null;
      if (claimants.size >= CLAIMANT_CACHE) claimants.clear();
      claimants.set(key, claimant);
    }
    return claimant;
  };
  const generic = genericJourney as JourneyDefinition<unknown>;
  return {
    journeys,
    byName: (name) => (name === generic.name ? generic : (byName.get(name) ?? null)),
    claimantOf,
    journeyOf: (events) => {
      for (const event of events) {
        const claimant = claimantOf(event);
        if (claimant) return claimant;
      }
      return generic;
    },
    boundaryOf: (type) => {
      for (const journey of journeys) {
        const boundary = journey.boundary(type);
        if (boundary) return boundary;
      }
      return null;
    },
    searchTermsOf: (event) => claimantOf(event)?.searchTerms(event) ?? [],
  };
}

/** The journeys written in TypeScript: what a store folds with before any definition is stored. */
export const builtInCatalog: JourneyCatalog = catalogOf([bookingJourney as JourneyDefinition<unknown>]);
