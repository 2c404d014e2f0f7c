import type { JourneyDefinition } from "../journeys/journey-definition";
import type { JourneyEvent } from "../journeys/journey-event";
import { momentAt, type Moment } from "./moment";

/** States kept every this many events while a session loads: any moment is at most this many folds away. */
export const FOLD_EVERY = 100;

/**
 * A session folded in the browser as its events arrive, keeping the state every FOLD_EVERY events,
 * so the state at any loaded event costs at most FOLD_EVERY evolves. Pure apart from its own arrays.
 */
export class SessionFold {
  readonly events: JourneyEvent[] = [];
  /** checkpoints[k] = state before event k × FOLD_EVERY */
  private readonly checkpoints: unknown[] = [];
  private state: unknown;

  constructor(private readonly definition: JourneyDefinition<unknown>) {
    this.state = definition.initialState();
  }

  append(events: readonly JourneyEvent[]): void {
    for (const event of events) {
      if (this.events.length % FOLD_EVERY === 0) this.checkpoints.push(this.state);
      this.events.push(event);
      this.state = this.definition.evolve(this.state, event);
    }
  }

  get loaded(): number {
    return this.events.length;
  }

  /** The moment at `index`, or null while that event has not arrived. */
  momentAt(index: number): Moment | null {
    if (index < 0 || index >= this.events.length) return null;
    const k = Math.floor(index / FOLD_EVERY);
    const start = k * FOLD_EVERY;
    return momentAt(this.definition, this.checkpoints[k] ?? null, this.events.slice(start, index + 1), index - start);
  }
}
