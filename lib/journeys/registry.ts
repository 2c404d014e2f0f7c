import { bookingJourney } from "./booking/booking-journey";
import { genericJourney } from "./generic/generic-journey";
import type { JourneyDefinition, SearchTerm, SessionOutcome } from "./journey-definition";
import { OUTCOMES } from "./outcomes";

/** Known domains, most specific first; the generic definition takes whatever none claims. */
const DEFINITIONS: readonly JourneyDefinition<unknown>[] = [bookingJourney as JourneyDefinition<unknown>];

export function journeyByName(name: string): JourneyDefinition<unknown> {
  return DEFINITIONS.find((d) => d.name === name) ?? (genericJourney as JourneyDefinition<unknown>);
}

/** The definition that folds a session: the first that claims any of its event types. */
export function journeyFor(types: Iterable<string>): JourneyDefinition<unknown> {
  const list = [...types];
  return DEFINITIONS.find((d) => list.some((type) => d.claims({ type, source: "" }))) ?? (genericJourney as JourneyDefinition<unknown>);
}

/** An outcome in its journey's words, when only the stored outcome is at hand (no state). */
export function outcomeLabelOf(journey: string, outcome: string, state?: unknown): string {
  return (OUTCOMES as readonly string[]).includes(outcome) ? journeyByName(journey).outcomeLabel(state, outcome as SessionOutcome) : outcome;
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
    definition = DEFINITIONS.find((d) => d.claims({ type, source: "" })) ?? null;
    claimedBy.set(type, definition);
  }
  return definition;
}

/** The words a support agent may find this event's person by, from whichever definition claims its type. */
export function searchTermsOf(event: Parameters<JourneyDefinition<unknown>["searchTerms"]>[0]): SearchTerm[] {
  return definitionOf(event.type)?.searchTerms(event) ?? [];
}
