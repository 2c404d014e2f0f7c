import { bookingJourney } from "./booking/booking-journey";
import { genericJourney } from "./generic/generic-journey";
import type { JourneyDefinition, SearchTerm } from "./journey-definition";

/** Known domains, most specific first; the generic definition takes whatever none claims. */
const DEFINITIONS: readonly JourneyDefinition<unknown>[] = [bookingJourney as JourneyDefinition<unknown>];

export function journeyByName(name: string): JourneyDefinition<unknown> {
  return DEFINITIONS.find((d) => d.name === name) ?? (genericJourney as JourneyDefinition<unknown>);
}

/** The definition that folds a session: the first that claims any of its event types. */
export function journeyFor(types: Iterable<string>): JourneyDefinition<unknown> {
  const list = [...types];
  return DEFINITIONS.find((d) => list.some((t) => d.claims(t))) ?? (genericJourney as JourneyDefinition<unknown>);
}

/** Session boundaries as any known domain defines them. */
export function boundaryOf(type: string): "sign_in" | "sign_out" | "expired" | null {
  for (const d of DEFINITIONS) {
    const b = d.boundary(type);
    if (b) return b;
  }
  return null;
}

const claimedBy = new Map<string, JourneyDefinition<unknown> | null>();

/** The definition that claims an event type (cached: the projector asks for every event). */
export function definitionOf(type: string): JourneyDefinition<unknown> | null {
  let definition = claimedBy.get(type);
  if (definition === undefined) {
    definition = DEFINITIONS.find((d) => d.claims(type)) ?? null;
    claimedBy.set(type, definition);
  }
  return definition;
}

/** The words a support agent may find this event's person by, from whichever definition claims its type. */
export function searchTermsOf(event: Parameters<JourneyDefinition<unknown>["searchTerms"]>[0]): SearchTerm[] {
  return definitionOf(event.type)?.searchTerms(event) ?? [];
}
