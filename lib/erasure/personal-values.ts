import { createMasker, ERASED, type MaskerOptions } from "../privacy/mask";
import type { PersonalDataPolicy } from "../privacy/policy";

/**
 * Erasure, pure: which values of one customer are personal, and a replacer that takes them out
 * of any string (docs/erasure.md). The policy decides what is personal, exactly as for masking:
 * a masker whose "mask" is the marker below learns each value it hides.
 */
export { ERASED };

/**
 * What the customer's user id becomes: a pseudonym under their reference, so their sessions
 * stay theirs (counted once, folded alike) and the access log keeps that views happened, while
 * nothing maps it back to the user id.
 */
export const erasedPerson = (reference: string) => `erased:${reference}`;
export const isErasedPerson = (userId: string) => userId.startsWith("erased:");

/**
 * A value shorter than this is erased where the policy finds it in the customer's own events but
 * not looked for anywhere else: "42" or "Li" would take pieces out of everyone's data.
 */
export const SEARCHED_MIN_LENGTH = 4;

/** The parts of a stored event the policy reads. */
export interface PersonalContent {
  type: string;
  subject: string | null;
  dataJson: unknown;
  dataText: string | null;
  extensions: unknown;
}

/** Every value the policy (and the live journeys' personal paths) calls personal in these events. */
export function collectPersonalValues(
  events: Iterable<PersonalContent>,
  policy: PersonalDataPolicy,
  options: Pick<MaskerOptions, "journeyPaths"> = {},
): Set<string> {
  const found = new Set<string>();
  const collector = createMasker(policy, {
    ...options,
    replace: (value) => {
      if (value.trim() !== "") found.add(value);
      return ERASED;
    },
  });
  for (const event of events) {
    if (event.dataJson !== null && event.dataJson !== undefined) collector.eventData(event.type, event.dataJson);
    if (event.dataText !== null) collector.text(event.dataText);
    if (event.subject !== null) collector.attribute("subject", event.subject);
    for (const [name, value] of extensionStrings(event.extensions)) collector.attribute(name, value);
  }
  return found;
}

function extensionStrings(extensions: unknown): [string, string][] {
  if (!extensions || typeof extensions !== "object") return [];
  return Object.entries(extensions as Record<string, unknown>).flatMap(([k, v]) => (typeof v === "string" ? [[k, v] as [string, string]] : []));
}

export interface ValueReplacer {
  /** the string with every whole occurrence of a value replaced (case aside) */
  text(value: string): string;
  /** any JSON value with the same done to every string in it, keys too */
  deep<T>(value: T): T;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// A value stands on its own when no letter, digit, "_" or "-" touches it, nor a "." before it or a
// "." that goes on into a word after it: "usr-5" is not in "other-usr-5", an email at the end of a
// sentence still is.
const BEFORE = "(?<![\\p{L}\\p{N}_.\\-])";
const AFTER = "(?![\\p{L}\\p{N}_\\-]|\\.[\\p{L}\\p{N}])";

/**
 * Replaces each value where it stands on its own: not inside a longer word or number, so erasing
 * "anna@example.com" leaves "hanna@example.com" alone, while "user/anna@example.com" and "Anna Berg
 * called" lose it. Longer values first, so a name is not cut around a shorter value inside it.
 * Case aside and Unicode normalised (NFC) on both sides. `exact` values (a short user id: "5")
 * are replaced only where a whole string is one.
 */
export function createValueReplacer(replacements: ReadonlyMap<string, string>, exact: ReadonlySet<string> = new Set()): ValueReplacer {
  const key = (v: string) => v.normalize("NFC").toLowerCase();
  const byKey = new Map([...replacements].map(([value, to]) => [key(value), to]));
  const exactKeys = new Set([...exact].map(key));
  const values = [...byKey.keys()].filter((v) => v !== "" && !exactKeys.has(v)).sort((a, b) => b.length - a.length);
  const pattern = values.length > 0 ? new RegExp(`${BEFORE}(?:${values.map(escapeRegex).join("|")})${AFTER}`, "giu") : null;
  const text = (value: string) => {
    const whole = key(value);
    if (exactKeys.has(whole)) return byKey.get(whole)!;
    if (!pattern) return value;
    const normal = value.normalize("NFC");
    const out = normal.replace(pattern, (match) => byKey.get(key(match)) ?? ERASED);
    return out === normal ? value : out;
  };
  function deep<T>(value: T): T {
    if (typeof value === "string") return text(value) as T;
    if (Array.isArray(value)) return value.map(deep) as T;
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), deep(v)])) as T;
    return value;
  }
  return { text, deep };
}

/** Whether any of the values appears in the text at all (a cheap check before the replacer runs). */
export function mentionsAny(text: string, values: readonly string[]): boolean {
  const lower = text.normalize("NFC").toLowerCase();
  return values.some((v) => lower.includes(v.normalize("NFC").toLowerCase()));
}
