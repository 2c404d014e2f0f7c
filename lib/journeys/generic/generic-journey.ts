import type { JourneyDefinition, StateFacts } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";

export interface GenericState {
  events: number;
  types: Record<string, number>;
  lastType: string | null;
  lastFields: StateFacts;
}

/** Up to four top-level scalar fields of the data: enough to tell events apart at a glance. */
export function keyFields(data: unknown): StateFacts {
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return data === undefined || data === null ? {} : { data: String(JSON.stringify(data)).slice(0, 80) };
  }
  const out: StateFacts = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (Object.keys(out).length >= 4) break;
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) out[k] = String(v).slice(0, 80);
  }
  return out;
}

/**
 * Any other domain: never throws, whatever the type or data; counts what happened and shows the
 * type with its key fields. Sessions still form from ids, sign-in-less timeouts and gaps.
 */
export const genericJourney: JourneyDefinition<GenericState> = {
  name: "generic",
  claims: () => true,
  initialState: () => ({ events: 0, types: {}, lastType: null, lastFields: {} }),
  evolve: (state, event: JourneyEvent) => ({
    events: state.events + 1,
    types: { ...state.types, [event.type]: (state.types[event.type] ?? 0) + 1 },
    lastType: event.type,
    lastFields: keyFields(event.data),
  }),
  describe: (event) => {
    const fields = Object.entries(keyFields(event.data))
      .map(([k, v]) => `${k}: ${v}`)
      .join(", ");
    return fields ? `${event.type} (${fields})` : event.type;
  },
  funnel: [],
  funnelReached: () => [],
  outcome: (_state, open) => (open ? "live" : "browsed"),
  lastStep: (state) => state.lastType ?? "—",
  resumePoint: () => null,
  facts: (state) => ({ events: String(state.events), "last event": state.lastType ?? "—", ...state.lastFields }),
  searchTerms: () => [],
  personName: () => null,
  boundary: () => null,
};
