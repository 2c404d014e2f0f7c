import { createMasker, type Masker } from "../privacy/mask";
import type { PersonalDataPolicy } from "../privacy/policy";
import type { EventEraser } from "./erase-event";
import { createValueReplacer, ERASED, erasedPerson, SEARCHED_MIN_LENGTH, type ValueReplacer } from "./personal-values";

/**
 * A value longer than this is erased where the policy finds it in their own rows but not looked for
 * elsewhere: a database caps a LIKE pattern's length, and a long free text is no one else's value.
 */
export const SEARCHED_MAX_LENGTH = 256;

/** What one erasure replaces, and with what, in each kind of row (pure: lib/erasure/erase-customer.ts runs it). */
export interface ErasurePlan {
  pseudonym: string;
  /** every personal value of theirs, their user id aside */
  values: string[];
  /** their values short enough to stand out elsewhere, their user id among them: what is looked for in every table */
  looked: string[];
  /** their values of any length: for their own rows */
  everything: ValueReplacer;
  /** `looked` only: for everyone else's rows */
  searched: ValueReplacer;
  /** the policy's paths and detectors, the marker for a mask */
  policy: Masker;
  /** their own events; Rewind's audit events about them; anyone else's */
  own: EventEraser;
  audit: EventEraser;
  other: EventEraser;
}

export function planErasure(input: {
  userId: string;
  reference: string;
  personal: Iterable<string>;
  policy: PersonalDataPolicy;
  journeyPaths: readonly string[];
}): ErasurePlan {
  const { userId, reference } = input;
  const pseudonym = erasedPerson(reference);
  const lowerId = userId.toLowerCase();
  const values = [...new Set(input.personal)].filter((v) => v.toLowerCase() !== lowerId && v !== pseudonym);
  // A short user id ("5") is replaced where a whole value is it, never as a piece of another.
  const exactId = new Set(userId.length < SEARCHED_MIN_LENGTH ? [userId] : []);
  const erasedAll = (list: string[]) => new Map<string, string>([[userId, pseudonym], ...list.map((v) => [v, ERASED] as [string, string])]);
  const searchedValues = values.filter((v) => v.length >= SEARCHED_MIN_LENGTH && v.length <= SEARCHED_MAX_LENGTH);
  const everything = createValueReplacer(erasedAll(values), exactId);
  const searched = createValueReplacer(erasedAll(searchedValues), exactId);
  // Streams and event ids are unique per event: each value gets a marker of its own there.
  const marker = new Map(values.map((v, i) => [v, `[erased:${reference}:${i + 1}]`]));
  const keys = (list: string[]) =>
    createValueReplacer(new Map<string, string>([[userId, pseudonym], ...list.map((v) => [v, marker.get(v)!] as [string, string])]), exactId);
  const policy = createMasker(input.policy, { journeyPaths: input.journeyPaths, replace: () => ERASED });
  return {
    pseudonym,
    values,
    looked: [userId, ...searchedValues],
    everything,
    searched,
    policy,
    own: { policy, values: everything, keys: keys(values) },
    audit: { policy: null, values: everything, keys: keys(values) },
    other: { policy: null, values: searched, keys: keys(searchedValues) },
  };
}
