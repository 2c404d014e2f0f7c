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
 * Every event path the policy and the journeys name as personal. The policy's paths are per event
 * type and inside `data`; a fact or dimension keeps no type beside its value, so here they count
 * for every type (masking more is the safe side).
 */
export function personalEventPaths(policy: PersonalDataPolicy, journeyPaths: readonly string[] = []): string[] {
  const fromPolicy = Object.values(policy.fields).flatMap((paths) => paths.map((p) => `data.${p}`));
  return [...new Set([...fromPolicy, ...journeyPaths])];
}

/** The attribute (or extension) a path outside `data` starts at: `subject`, `userid`, `traceparent`; null inside `data`. */
export function attributeOf(path: string): string | null {
  const head = names(path)[0]!;
  return head === "data" ? null : head;
}
