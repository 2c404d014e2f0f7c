import { compileDetector, type Detector } from "./detectors";
import { attributeOf, personalEventPaths, readsPersonalPathOf } from "./personal-paths";
import type { PersonalDataPolicy } from "./policy";

/**
 * Masking, pure: what leaves the server for a caller who has not revealed it. A masked value
 * keeps its shape (separators, the first letter of a longer value) so an agent can still tell
 * an email from a phone number, and nothing else.
 */
export const MASK = "•";

const LETTERS_OR_DIGITS = /[\p{L}\p{N}]/gu;
const ASCII_LETTER_OR_DIGIT = new Uint8Array(128).map((_, c) => (/[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0));
const MASK_CODE = MASK.charCodeAt(0);

/** Letters and digits masked, by char code while it is ASCII: the Unicode-class regex alone took 5x longer on 62,500 emails. */
function maskLettersAndDigits(text: string): string {
  if (text.length > 4_096) return text.replace(LETTERS_OR_DIGITS, MASK);
  const codes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return text.replace(LETTERS_OR_DIGITS, MASK);
    codes.push(ASCII_LETTER_OR_DIGIT[code] === 1 ? MASK_CODE : code);
  }
  return String.fromCharCode(...codes);
}

/** What an erasure leaves where a personal value was (lib/erasure): shown as it is, masked or not, so it reads as erased. */
export const ERASED = "[erased]";

export function maskValue(value: string): string {
  if (value === ERASED) return value;
  return value.length >= 6 && /\p{L}/u.test(value[0]!) ? value[0]! + maskLettersAndDigits(value.slice(1)) : maskLettersAndDigits(value);
}

export function isMasked(value: unknown): boolean {
  return typeof value === "string" && value.includes(MASK.repeat(2));
}

function luhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

type Path = { key: string; each: boolean }[];

function parsePath(path: string): Path {
  return path.split(".").map((part) => (part.endsWith("[*]") ? { key: part.slice(0, -3), each: true } : { key: part, each: false }));
}

/**
 * A copy of `value` with the strings at `path` (and anything below them) masked. Data shaped
 * otherwise than the path expects (an object where an array was named, a string where an object
 * was) is masked whole from there: a producer's odd shape must not let personal data through.
 */
function maskAtPath(value: unknown, path: Path, maskAll: (v: unknown) => unknown): unknown {
  if (path.length === 0) return maskAll(value);
  if (value === null || value === undefined) return value;
  if (typeof value !== "object" || Array.isArray(value)) return maskAll(value);
  const [head, ...rest] = path;
  const record = value as Record<string, unknown>;
  if (head!.key === "*") {
    // Every member: the rest of the path from each, as if each had been named.
    const named = (key: string, child: unknown) => (maskAtPath({ [key]: child }, [{ ...head!, key }, ...rest], maskAll) as Record<string, unknown>)[key];
    return Object.fromEntries(Object.entries(record).map(([key, child]) => [key, named(key, child)]));
  }
  if (!(head!.key in record)) return value;
  const child = record[head!.key];
  const next = head!.each ? (Array.isArray(child) ? child.map((c) => maskAtPath(c, rest, maskAll)) : maskAll(child)) : maskAtPath(child, rest, maskAll);
  return { ...record, [head!.key]: next };
}

/**
 * An object's entries under masked keys: a key is a string that leaves the server like any
 * other (a producer can key a map by email). Two keys can mask alike (two emails of one shape):
 * the later one is numbered rather than dropped. Built with fromEntries, so a `__proto__` key
 * stays a plain key.
 */
function withMaskedKeys(record: object, key: (k: string) => string, value: (v: unknown, k: string) => unknown): Record<string, unknown> {
  const used = new Set<string>();
  // Where each masked key's numbering goes on from: restarting at 2 for every repeat made 10,000
  // keys that mask alike (160 KB, inside every ingest limit) cost 50 million probes, 97 s a read.
  const next = new Map<string, number>();
  const entries: [string, unknown][] = [];
  for (const [k, v] of Object.entries(record)) {
    const masked = key(k);
    let name = masked;
    let n = next.get(masked) ?? 2;
    while (used.has(name)) name = `${masked} (${n++})`;
    next.set(masked, n);
    used.add(name);
    entries.push([name, value(v, k)]);
  }
  return Object.fromEntries(entries);
}

export interface Masker {
  /** Free text (a description, a log line, a string from anywhere): pattern matches masked. */
  text(value: string): string;
  /** Any JSON value: every string in it through `text`. */
  deep<T>(value: T): T;
  /** An event's data: the policy's paths for its type masked whole, then patterns everywhere. */
  eventData(type: string, data: unknown): unknown;
  /** A value known to be personal (a customer's name): masked whole. */
  value(value: string): string;
  /**
   * A journey state, snapshot or resume point (folded from events as stored): any value under a
   * key the policy names as personal in some event (`name`, `email`…) masked whole, then patterns.
   */
  state<T>(value: T): T;
  /**
   * An event attribute or extension (`subject`, `userid`, `traceparent`) by name: masked whole when
   * a journey names it personal (a `people` path outside `data`), else through the patterns.
   */
  attribute(name: string, value: string): string;
  /**
   * Does reading this event path, from events of these types (globs; none: any type), reach
   * personal data (a definition's dimension, say)? Always false once revealed.
   */
  personalPath(path: string, types?: readonly string[]): boolean;
}

/** A pattern that could not be shown safe (stored before patterns were checked): every string masked whole, nothing run. */
function maskingEverything(name: string): Detector {
  return { name, replace: (text, replace) => (text === "" ? text : replace(text)) };
}

export interface MaskerOptions {
  /** sources of the policy's patterns not shown to be safe to run: they fail closed */
  unproven?: ReadonlySet<string>;
  /**
   * event paths the live journeys name as personal (their `people`: `data.customer.email`), masked
   * in every event's data like the policy's own paths; one outside `data` (`subject`, `userid`, an
   * extension) masks that attribute whole
   */
  journeyPaths?: readonly string[];
  /**
   * what the live journeys keep under their own keys (a fact by its key and its label) and the path
   * each is read from: the keys of those read from a personal path are masked whole in states, as
   * the personal paths' own last keys are
   */
  journeyReads?: readonly { keys: readonly string[]; path: string; types?: readonly string[] }[];
  /**
   * what a personal value becomes (default: maskValue); an erasure replaces it with a marker and
   * learns, through this, which values were personal (lib/erasure/personal-values.ts)
   */
  replace?: (value: string) => string;
}

export function createMasker(policy: PersonalDataPolicy, options: MaskerOptions = {}): Masker {
  const hide = options.replace ?? maskValue;
  const detectors = policy.patterns.map((p) => ({
    detector: options.unproven?.has(p.regex) ? maskingEverything(p.name) : compileDetector(p),
    luhn: p.check === "luhn",
  }));
  const paths = new Map(Object.entries(policy.fields).map(([type, list]) => [type, list.map(parsePath)]));
  // In every event, not only the claimed types: a journey claims by type and source, and masking more is the safe side.
  const everywhere = (options.journeyPaths ?? []).filter((p) => p.startsWith("data.")).map((p) => parsePath(p.slice("data.".length)));
  const personalAttributes = new Set((options.journeyPaths ?? []).map(attributeOf).filter((a): a is string => a !== null));
  const personal = personalEventPaths(policy, options.journeyPaths);
  const personalPath = (path: string, types?: readonly string[]) => readsPersonalPathOf(path, personal, types);

  function text(value: string): string {
    let out = value;
    for (const { detector, luhn: needsLuhn } of detectors) {
      out = detector.replace(out, (match) => (needsLuhn && !luhn(match.replace(/\D/g, "")) ? match : hide(match)));
    }
    return out;
  }

  function deep<T>(value: T): T {
    if (typeof value === "string") return text(value) as T;
    if (Array.isArray(value)) return value.map(deep) as T;
    if (value && typeof value === "object") return withMaskedKeys(value, text, (v) => deep(v)) as T;
    return value;
  }

  /** Every string (and number, for card digits and the like) below `value` masked whole; keys through the patterns. */
  function maskEverything(value: unknown): unknown {
    if (typeof value === "string") return hide(value);
    if (typeof value === "number") return hide(String(value));
    if (Array.isArray(value)) return value.map(maskEverything);
    if (value && typeof value === "object") return withMaskedKeys(value, text, (v) => maskEverything(v));
    return value;
  }

  function eventData(type: string, data: unknown): unknown {
    let out = data;
    for (const path of paths.get(type) ?? []) out = maskAtPath(out, path, maskEverything);
    for (const path of everywhere) out = maskAtPath(out, path, maskEverything);
    return deep(out);
  }

  const personalKeys = new Set([
    ...[...paths.values(), everywhere].flatMap((list) => list.map((path) => path[path.length - 1]!.key)),
    // A fact read from a personal path is personal under whatever key and label it is kept.
    ...(options.journeyReads ?? []).filter((r) => personalPath(r.path, r.types)).flatMap((r) => r.keys),
  ]);

  function state<T>(value: T): T {
    if (Array.isArray(value)) return value.map(state) as T;
    if (value && typeof value === "object") {
      // Whether a key is personal is decided on the key as stored, before it is masked.
      return withMaskedKeys(value, text, (v, k) => (personalKeys.has(k) ? maskEverything(v) : state(v))) as T;
    }
    return deep(value);
  }

  const attribute = (name: string, value: string) => (personalAttributes.has(name) ? hide(value) : text(value));

  return { text, deep, eventData, value: hide, state, attribute, personalPath };
}

/** For a purpose-bound reveal: everything as stored. */
export const REVEALED: Masker = {
  text: (v) => v,
  deep: (v) => v,
  eventData: (_t, d) => d,
  value: (v) => v,
  state: (v) => v,
  attribute: (_n, v) => v,
  personalPath: () => false,
};

/** The value at a concrete key path inside `data` (["travellers", 0, "name"]): what one reveal shows. */
export function valueAtKeys(data: unknown, keys: readonly (string | number)[]): unknown {
  let value: unknown = data;
  for (const key of keys) {
    if (value === null || typeof value !== "object") return undefined;
    if (Array.isArray(value) !== (typeof key === "number")) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
