import { scanEmails } from "./email-scanner";
import type { PersonalDataPolicy } from "./policy";

/**
 * What the masker runs for each of the policy's patterns. The seed policy's email pattern is
 * run by a linear scanner that finds exactly what the regex found (email-scanner.ts); the
 * phone and card patterns stay regexes because they are linear as written: each starts on a
 * literal (`+`) or a word boundary and every quantifier is bounded, so one attempt reads at most
 * 39 characters (recheck proves both safe; detectors.test.ts keeps it so). Any other pattern
 * was refused at save unless shown safe (pattern-safety.ts).
 */
export const BUILT_IN_SOURCES = {
  email: "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}",
  phone: "\\+\\d{1,3}[ .-]?(?:\\(\\d{1,4}\\)[ .-]?)?\\d{2,5}(?:[ .-]?\\d{2,6}){1,3}",
  card: "\\b\\d(?:[ -]?\\d){12,18}\\b",
} as const;

/** A source the masker does not run as a regex (so its backtracking does not matter). */
export function isScannedSource(source: string): boolean {
  return source === BUILT_IN_SOURCES.email;
}

/** One of the seed's patterns: scanned, or shown linear by detectors.test.ts, so not checked again at run time. */
export function isBuiltInSource(source: string): boolean {
  return Object.values(BUILT_IN_SOURCES).includes(source as never);
}

export interface Detector {
  name: string;
  /** `text` with each match replaced by `replace(match)`, leftmost first, matches not overlapping */
  replace(text: string, replace: (match: string) => string): string;
}

function replaceSpans(text: string, spans: readonly [number, number][], replace: (match: string) => string): string {
  if (spans.length === 0) return text;
  let out = "";
  let last = 0;
  for (const [start, end] of spans) {
    out += text.slice(last, start) + replace(text.slice(start, end));
    last = end;
  }
  return out + text.slice(last);
}

export function compileDetector(pattern: PersonalDataPolicy["patterns"][number]): Detector {
  if (isScannedSource(pattern.regex)) {
    return { name: pattern.name, replace: (text, replace) => (text.includes("@") ? replaceSpans(text, scanEmails(text), replace) : text) };
  }
  const regex = new RegExp(pattern.regex, "gu");
  return { name: pattern.name, replace: (text, replace) => text.replace(regex, replace) };
}
