import { builtInCatalog } from "../journeys/catalog";
import type { Generation } from "../sessions/generations";

/**
 * The version of a journey a generation folds with: a data journey's stored version under its
 * name, a built-in journey's fold version under "@<name>" (issue 14's contract), null when the
 * generation does not record one (a built-in journey before fold versions were recorded).
 * Same signature as lib/sessions/generations' versionOfJourney (W2): the callers move to that one
 * when it lands, and this one goes.
 */
export function versionOfJourney(generation: Pick<Generation, "definitions">, name: string): number | null {
  return generation.definitions[name] ?? generation.definitions[`@${name}`] ?? null;
}

/** Which version of a journey folded what a page or an export shows, and how to say so. */
export interface JourneyVersion {
  name: string;
  version: number | null;
  builtIn: boolean;
  /** "shop v3", "holiday-booking (built-in, fold v2)" */
  label: string;
}

/** A journey's version in words: a data journey's stored version, a built-in one's fold version. */
export function journeyVersionLabel(name: string, version: number | null, builtIn: boolean): string {
  if (builtIn) return version === null ? `${name} (built-in)` : `${name} (built-in, fold v${version})`;
  return version === null ? `${name} (version not recorded)` : `${name} v${version}`;
}

/** The version of `name` in a generation; built-in means written in TypeScript (the generic journey too). */
export function journeyVersionIn(generation: Pick<Generation, "definitions">, name: string): JourneyVersion {
  const builtIn = builtInCatalog.byName(name) !== null;
  const version = versionOfJourney(generation, name);
  return { name, version, builtIn, label: journeyVersionLabel(name, version, builtIn) };
}
