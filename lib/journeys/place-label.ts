/**
 * A value that is exactly a destination code the store has a name for reads as the place
 * ("MLA" → "Malta (MLA)"); anything else (a name already, free text, another code) is left as it is.
 */
export function nameCode(value: string, places: ReadonlyMap<string, string>): string {
  const name = places.get(value);
  return name && name !== value ? `${name} (${value})` : value;
}

/** The same for each value of a record of words (a resume point's `chosen`, the state panel's facts). */
export function nameCodesIn(record: Readonly<Record<string, string>>, places: ReadonlyMap<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, typeof v === "string" ? nameCode(v, places) : v]));
}

/** The values that could be codes, to ask the store for in one query: short, upper-case, no spaces. */
export function codeLike(values: Iterable<unknown>): string[] {
  return [...new Set([...values].filter((v): v is string => typeof v === "string" && /^[A-Z0-9]{2,5}$/.test(v)))];
}

/** The code-like strings in a folded state, a few levels down (a booking's destination, a search's code), to name on the replay's state panel. */
export function codesInState(state: unknown, depth = 3): string[] {
  if (depth < 0 || state === null || typeof state !== "object") return typeof state === "string" ? codeLike([state]) : [];
  return codeLike(Object.values(state as Record<string, unknown>).flatMap((v) => codesInState(v, depth - 1)));
}
