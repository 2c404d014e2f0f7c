import type { JourneyDefinition, StateFacts } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";

export interface GenericState {
  events: number;
  types: Record<string, number>;
  lastType: string | null;
  lastFields: StateFacts;
}

/**
 * Mask, then cut. The fold runs on events as stored and its state is masked only when it leaves
 * the server, so the fold must never cut a value: `jane.doe@example.` (an email cut at 80) no
 * longer matches the email pattern and leaked. A value is kept whole, or (too long to keep in
 * every snapshot) replaced by its length; the words a person reads are cut for display only,
 * from values already masked (`shown`).
 */
export const KEPT_WHOLE = 2_000;
export const SHOWN = 80;

export function whole(value: string): string {
  return value.length <= KEPT_WHOLE ? value : `[${value.length.toLocaleString("en-GB")} characters]`;
}

/** For display, from a masked value: cut on a code point, marked as cut. */
export function shown(value: string): string {
  if (value.length <= SHOWN) return value;
  const cut = value.slice(0, SHOWN);
  return `${/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/** Up to four top-level scalar fields of the data: enough to tell events apart at a glance. */
export function keyFields(data: unknown): StateFacts {
  if (!data || typeof data !== "object" || Array.isArray(data)) {
    return data === undefined || data === null ? {} : { data: whole(String(JSON.stringify(data))) };
  }
  const out: StateFacts = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (Object.keys(out).length >= 4) break;
    if (v === null || ["string", "number", "boolean"].includes(typeof v)) out[k] = whole(String(v));
  }
  return out;
}

function shownFields(fields: StateFacts): StateFacts {
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, shown(v)]));
}

/**
 * Any other domain: never throws, whatever the type or data; counts what happened and shows the
 * type with its key fields. Sessions still form from ids, sign-in-less timeouts and gaps.
 */
export const genericJourney: JourneyDefinition<GenericState> = {
  name: "generic",
  label: "Other sessions",
  priority: Number.NEGATIVE_INFINITY,
  claims: () => true,
  initialState: () => ({ events: 0, types: {}, lastType: null, lastFields: {} }),
  evolve: (state, event: JourneyEvent) => ({
    events: state.events + 1,
    types: { ...state.types, [event.type]: (state.types[event.type] ?? 0) + 1 },
    lastType: event.type,
    lastFields: keyFields(event.data),
  }),
  // describe and facts see masked events and states (the server masks both before they leave).
  describe: (event) => {
    const fields = Object.entries(keyFields(event.data))
      .map(([k, v]) => `${k}: ${shown(v)}`)
      .join(", ");
    return fields ? `${event.type} (${fields})` : event.type;
  },
  funnel: [],
  funnelReached: () => [],
  outcome: (_state, open) => (open ? "live" : "browsed"),
  outcomeLabel: (_state, outcome) => outcome,
  dimensions: [],
  dimensionValues: () => ({}),
  dropReasons: [],
  dropReason: (_state, outcome, endReason) => (outcome === "completed" || outcome === "live" ? null : endReason === "open" ? "timed_out" : endReason),
  lastStep: (state) => state.lastType ?? "—",
  resumePoint: () => null,
  facts: (state) => ({ events: String(state.events), "last event": state.lastType ?? "—", ...shownFields(state.lastFields) }),
  searchTerms: () => [],
  personName: () => null,
  boundary: () => null,
};
