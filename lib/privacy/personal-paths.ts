import { globListMatches } from "../glob/glob";
import type { PersonalDataPolicy } from "./policy";

/**
 * Whether reading a path can reach personal data, decided on the paths alone (pure): a definition's
 * fact, dimension or template path against the personal paths (the policy's, as event paths, and
 * the live journeys' `people`). Paths are compared name by name, `[*]` ignored (an element of a
 * personal array is personal, and so is the array), a policy's `*` matching any name. A path reads
 * personal data when it names a personal path, something inside one (`data.customer.name.first`
 * under `data.customer.name`) or something holding one (`data.customer`, which holds the name).
 */
function names(path: string): string[] {
  return path.replaceAll("[*]", "").split(".");
}

function overlaps(read: readonly string[], personal: readonly string[]): boolean {
  const n = Math.min(read.length, personal.length);
  for (let i = 0; i < n; i++) if (personal[i] !== "*" && personal[i] !== read[i]) return false;
  return true;
}

export function readsPersonalPath(path: string, personalPaths: readonly string[]): boolean {
  const read = names(path);
  return personalPaths.some((p) => overlaps(read, names(p)));
}

/**
 * Every event path the policy and the journeys name as personal: the journeys' `people` for every
 * event type, the policy's (inside `data`) for the type it names them under.
 */
export interface PersonalEventPaths {
  everyType: string[];
  byType: readonly (readonly [type: string, paths: string[]])[];
}

export function personalEventPaths(policy: PersonalDataPolicy, journeyPaths: readonly string[] = []): PersonalEventPaths {
  return {
    everyType: [...new Set(journeyPaths)],
    byType: Object.entries(policy.fields).map(([type, paths]) => [type, paths.map((p) => `data.${p}`)] as const),
  };
}

/**
 * Does reading `path` from events of these types (globs: a fact's `when.type`, else the types its
 * journey claims; none given, any type) reach personal data? A policy path naming its fields
 * counts for every type; one with a `*` only for the types it is named under, so Segment's
 * `identify: ["*"]` makes every trait personal in a journey that claims `identify`, and not every
 * fact of every journey.
 */
export function readsPersonalPathOf(path: string, personal: PersonalEventPaths, types?: readonly string[]): boolean {
  if (readsPersonalPath(path, personal.everyType)) return true;
  return personal.byType.some(([type, paths]) => {
    const inScope = types === undefined || globListMatches(types, type);
    // A named field (`email`) is personal whatever type it is read from: a fact without a type
    // reads every event of its sessions, claimed or not. A `*` counts only where its type is read.
    return readsPersonalPath(path, inScope ? paths : paths.filter((p) => !names(p).includes("*")));
  });
}

/** The attribute (or extension) a path outside `data` starts at: `subject`, `userid`, `traceparent`; null inside `data`. */
export function attributeOf(path: string): string | null {
  const head = names(path)[0]!;
  return head === "data" ? null : head;
}
