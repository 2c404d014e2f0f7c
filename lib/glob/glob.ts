/**
 * The product's one glob syntax (key types, the explorer's type filter, journey trust lists):
 * `*` matches any run of characters, dots and slashes included, and every other character is
 * itself; there is no escape, no `?`, no class. A list of patterns is comma-separated where a
 * person types it (the command line, a form field) and a JSON array in files.
 *
 * Matching is a two-pointer scan that returns to the last star on a mismatch: at most
 * pattern × text steps, never the exponential backtracking a regex of several `.*` can take.
 */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1; // the last star seen in the pattern
  let resume = 0; // where in the text that star's run ends so far
  while (t < text.length) {
    if (p < pattern.length && pattern[p] === "*") {
      star = p++;
      resume = t;
    } else if (p < pattern.length && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern[p] === "*") p++;
  return p === pattern.length;
}

/** Does any pattern of the list match? (An empty list matches nothing.) */
export function globListMatches(patterns: readonly string[], text: string): boolean {
  return patterns.some((pattern) => globMatches(pattern, text));
}

/** Is this a pattern rather than one literal value? */
export function isGlob(pattern: string): boolean {
  return pattern.includes("*");
}

/** A list as typed: comma-separated, each pattern trimmed, empty ones dropped. */
export function parseGlobList(typed: string): string[] {
  return typed
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** The literal text before the first star: what an index can narrow a pattern to. */
export function globPrefix(pattern: string): string {
  const star = pattern.indexOf("*");
  return star < 0 ? pattern : pattern.slice(0, star);
}
