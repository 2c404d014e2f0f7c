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
