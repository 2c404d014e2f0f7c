import type { Masker } from "../../privacy/mask";
import type { JourneyDocument } from "./definition-schema";

/** A value a data journey keeps under its own words (a fact by key and by label), and the path it is read from. */
export interface ValueRead {
  keys: string[];
  path: string;
}

/**
 * What a definition's facts read: a fact is kept under its key (the resume point's `facts`, a
 * resume URL's `{facts.x}`) and its label (the state panel, the resume point's `chosen`). A count
 * keeps how many events matched, never a value read, so it reads nothing.
 */
export function factReads(document: JourneyDocument): ValueRead[] {
  return (document.facts ?? []).filter((f) => f.from !== undefined && f.keep !== "count").map((f) => ({ keys: [f.key, f.label], path: f.from! }));
}

/** The keys of the facts that read a personal path ("this fact reads a personal path"). */
export function personalFacts(document: JourneyDocument, isPersonal: (path: string) => boolean): string[] {
  return factReads(document)
    .filter((r) => isPersonal(r.path))
    .map((r) => r.keys[0]!);
}

/**
 * Whether a dimension's values and labels are personal: its values when `from` reads a personal
 * path; its labels then too (a value without a label is shown as itself), or when `labelFrom` does.
 */
export function personalDimension(document: JourneyDocument, key: string, isPersonal: (path: string) => boolean): { values: boolean; labels: boolean } {
  const d = (document.dimensions ?? []).find((x) => x.key === key);
  const values = d !== undefined && isPersonal(d.from);
  return { values, labels: values || (d?.labelFrom !== undefined && isPersonal(d.labelFrom)) };
}

/** Rows of a dimension (popularity, a funnel's breakdown) with its personal values and labels masked whole. */
export function maskDimensionRowsWith<T extends { value: string; label: string }>(masker: Masker, document: unknown, dimension: string, rows: T[]): T[] {
  const personal = personalDimension(document as JourneyDocument, dimension, masker.personalPath);
  if (!personal.values && !personal.labels) return rows;
  return rows.map((r) => ({ ...r, value: personal.values ? masker.value(r.value) : r.value, label: personal.labels ? masker.value(r.label) : r.label }));
}

/**
 * A resume point's facts as a resume URL may carry them: those read from a personal path masked
 * whole. A URL leaves in browser histories and the target's logs, which is why `{userid}` names
 * the customer by reference where the id is personal.
 */
export function maskPersonalFacts(masker: Masker, document: unknown, facts: Record<string, string>): Record<string, string> {
  if (!document) return facts;
  const personal = new Set(personalFacts(document as JourneyDocument, masker.personalPath));
  if (personal.size === 0) return facts;
  return Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, personal.has(k) ? masker.value(v) : v]));
}
