import type { JourneyEvent } from "../journey-event";
import { whole } from "../generic/generic-journey";
import type { JourneyDocument } from "./definition-schema";
import { type CompiledPath, compilePath, valueText } from "./paths";
import { compileWhen, type EventTest } from "./when";

/**
 * A data journey's state: plain JSON (snapshots store it) and small: how many steps were reached
 * in order, one value per fact, and the key of the drop reason the latest matching event named.
 */
export interface DataJourneyState {
  /** steps reached, in order: step k (0-based) is reached when reached > k */
  reached: number;
  /** fact values by key: text (last, first), a number (count, sum, max, min) or distinct texts (set) */
  facts: Record<string, string | number | string[]>;
  /** the drop reason matched by the latest event that matched any (null: none yet) */
  drop: string | null;
}

/** A `set` fact keeps at most this many distinct values (the first ones), so a state stays small. */
export const SET_LIMIT = 100;

type Fact = NonNullable<JourneyDocument["facts"]>[number];

interface CompiledFact {
  key: string;
  keep: Fact["keep"];
  when: EventTest;
  from: CompiledPath | null;
}

const numbers = (values: unknown[]) => values.filter((v): v is number => typeof v === "number" && Number.isFinite(v));

/** Values as kept in a state: whole or not at all (a cut value would slip past masking). */
function texts(values: unknown[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const t = valueText(v);
    if (t !== null) out.push(whole(t));
  }
  return out;
}

/** The fact's next value from one event it sees, or undefined to leave it as it was. */
function nextFact(fact: CompiledFact, current: string | number | string[] | undefined, values: unknown[]) {
  switch (fact.keep) {
    case "count":
      return ((current as number | undefined) ?? 0) + 1;
    case "last":
      return texts(values).at(-1);
    case "first":
      return current === undefined ? texts(values)[0] : undefined;
    case "set": {
      const fresh = texts(values).filter((t) => !((current as string[] | undefined) ?? []).includes(t));
      if (fresh.length === 0) return undefined;
      return [...new Set([...((current as string[] | undefined) ?? []), ...fresh])].slice(0, SET_LIMIT);
    }
    default: {
      const found = numbers(values);
      if (found.length === 0) return undefined;
      const prior = current as number | undefined;
      if (fact.keep === "sum") return found.reduce((a, b) => a + b, prior ?? 0);
      const pick = fact.keep === "max" ? Math.max : Math.min;
      return prior === undefined ? pick(...found) : pick(prior, ...found);
    }
  }
}

/** The definition's steps, facts and drop reasons compiled once into matchers: the fold's hot path. */
export function compileFold(document: JourneyDocument): {
  initialState: () => DataJourneyState;
  evolve: (state: DataJourneyState, event: JourneyEvent) => DataJourneyState;
} {
  const steps = document.steps.map((s) => compileWhen(s.when));
  const facts: CompiledFact[] = (document.facts ?? []).map((f) => ({
    key: f.key,
    keep: f.keep,
    when: compileWhen(f.when),
    from: f.from ? compilePath(f.from) : null,
  }));
  const drops = (document.dropReasons ?? []).map((d) => ({ key: d.key, when: compileWhen(d.when) }));
  return {
    initialState: () => ({ reached: 0, facts: {}, drop: null }),
    evolve: (state, event) => {
      // Only the next step can be reached: a later match of an earlier step changes nothing.
      const reached = state.reached < steps.length && steps[state.reached]!(event) ? state.reached + 1 : state.reached;
      let changed: DataJourneyState["facts"] | null = null;
      for (const fact of facts) {
        if (!fact.when(event)) continue;
        const values = fact.from ? fact.from(event) : [];
        if (fact.from && values.length === 0) continue; // a missing path leaves the fact as it was
        const next = nextFact(fact, state.facts[fact.key], values);
        if (next === undefined) continue;
        changed ??= { ...state.facts };
        changed[fact.key] = next;
      }
      // Ties go to the later entry of the list.
      let drop = state.drop;
      for (let i = drops.length - 1; i >= 0; i--) {
        if (drops[i]!.when(event)) {
          drop = drops[i]!.key;
          break;
        }
      }
      if (reached === state.reached && changed === null && drop === state.drop) return state;
      return { reached, facts: changed ?? state.facts, drop };
    },
  };
}
