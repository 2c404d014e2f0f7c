/**
 * A word lowered mid-sentence only where it is an ordinary capitalised word ("Pay" → "pay"): an
 * acronym, a code or a date keeps its case ("UTC", "MLA", "2 Dec"), so lower-casing a whole
 * sentence ("2 dec, 00:13 utc") never happens. Pure.
 */
export function lowerFirst(text: string): string {
  const [first, second] = [text.charAt(0), text.charAt(1)];
  if (first === "" || first === first.toLowerCase() || (second !== "" && second === second.toUpperCase() && second !== second.toLowerCase())) return text;
  return first.toLowerCase() + text.slice(1);
}

/** The steps still to do in one wording for every agent page: "Get the booking priced, pay". */
export function stepsInWords(steps: readonly string[]): string {
  return steps.map((s, i) => (i === 0 ? s : lowerFirst(s))).join(", ");
}
