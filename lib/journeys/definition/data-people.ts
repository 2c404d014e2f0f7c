import type { DimensionValue, SearchTerm } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";
import type { JourneyDocument } from "./definition-schema";
import { compilePath, valueText } from "./paths";
import { compileWhen } from "./when";

/** A dimension keeps at most this many distinct values per session (the first ones seen). */
export const DIMENSION_VALUE_LIMIT = 100;

/**
 * Per dimension, the distinct values at `from` in the session's events that match its `when`, in
 * the order first seen; a value's label is the first value at `labelFrom` in an event that has it.
 */
export function compileDimensions(dimensions: NonNullable<JourneyDocument["dimensions"]>) {
  const compiled = dimensions.map((d) => ({
    key: d.key,
    when: compileWhen(d.when),
    from: compilePath(d.from),
    labelFrom: d.labelFrom ? compilePath(d.labelFrom) : null,
  }));
  return (_state: unknown, events: readonly JourneyEvent[]): Record<string, DimensionValue[]> => {
    const out: Record<string, DimensionValue[]> = {};
    for (const d of compiled) {
      const found = new Map<string, DimensionValue>();
      for (const event of events) {
        if (!d.when(event)) continue;
        const label = d.labelFrom
          ? (d
              .labelFrom(event)
              .map(valueText)
              .find((t) => t !== null) ?? null)
          : null;
        for (const raw of d.from(event)) {
          const value = valueText(raw);
          if (value === null || value === "") continue;
          const seen = found.get(value);
          if (seen) {
            if (seen.label === null && label !== null) seen.label = label;
          } else if (found.size < DIMENSION_VALUE_LIMIT) found.set(value, { value, label });
        }
      }
      out[d.key] = [...found.values()];
    }
    return out;
  };
}

const normalise = (t: string) => t.trim().toLowerCase().replace(/\s+/g, " ");

/** What kind of word a search term is, which decides how it may be matched (see SearchTerm). */
function kindOf(term: string): SearchTerm["kind"] {
  if (/^[^\s@]+@[^\s@]+$/.test(term)) return "email";
  if (/^\+?[\d\s().-]{6,}$/.test(term) && /\d{6,}/.test(term.replace(/\D/g, ""))) return "phone";
  return "booking";
}

/**
 * The `people` paths: `name` holds the person's name (shown to agents, masked by policy, and a
 * name to search by); `searchTerms` are other words to find them by, an email or a phone number
 * matched whole, anything else (an order reference) by a prefix too.
 */
export function compilePeople(people: JourneyDocument["people"]) {
  const names = (people?.name ?? []).map(compilePath);
  const others = (people?.searchTerms ?? []).map(compilePath);
  const strings = (event: JourneyEvent, paths: typeof names) =>
    paths.flatMap((p) => p(event)).filter((v): v is string | number => (typeof v === "string" && v.trim() !== "") || typeof v === "number");
  return {
    name: (event: JourneyEvent): string | null => (strings(event, names).find((v) => typeof v === "string") as string | undefined) ?? null,
    searchTerms: (event: JourneyEvent): SearchTerm[] => {
      const terms = new Map<string, SearchTerm>();
      for (const v of strings(event, names)) terms.set(`name:${normalise(String(v))}`, { term: normalise(String(v)), kind: "name" });
      for (const v of strings(event, others)) {
        const term = normalise(String(v));
        const kind = kindOf(term);
        terms.set(`${kind}:${term}`, { term, kind });
      }
      return [...terms.values()];
    },
  };
}
