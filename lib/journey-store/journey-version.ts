import { builtInCatalog } from "../journeys/catalog";
import { type Generation, versionOfJourney } from "../sessions/generations";

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
