import { nameCodesIn } from "../journeys/place-label";
import { foldEvents, type JourneyDefinition, type StateFacts } from "../journeys/journey-definition";
import type { JourneyEvent } from "../journeys/journey-event";

/** The journey at the playhead: the state after event `index`, its facts, and which facts that event changed. */
export interface Moment {
  state: unknown;
  facts: StateFacts;
  changed: string[];
}

/**
 * Folds a block's events from its snapshot up to the playhead (at most a block's length), and
 * compares the facts before and after the event at the playhead. Pure.
 */
export function momentAt(definition: JourneyDefinition<unknown>, blockState: unknown | null, blockEvents: readonly JourneyEvent[], offset: number): Moment {
  const start = blockState ?? definition.initialState();
  const before = foldEvents(definition, blockEvents.slice(0, offset), start);
  const event = blockEvents[offset];
  const state = event ? definition.evolve(before, event) : before;
  const factsBefore = definition.facts(before);
  const facts = definition.facts(state);
  const changed = Object.keys(facts).filter((k) => facts[k] !== factsBefore[k]);
  return { state, facts, changed };
}

/** The moment with each fact that is a known destination code named as its place ("Malta (MLA)"), as the server learned them from the whole store. */
export function withPlaces<M extends Moment | null>(moment: M, places: Readonly<Record<string, string>>): M {
  if (!moment || Object.keys(places).length === 0) return moment;
  return { ...moment, facts: nameCodesIn(moment.facts, new Map(Object.entries(places))) };
}
