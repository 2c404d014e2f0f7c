import { BUILT_IN_FOLDS, FOLD_VERSION_BEFORE_RECORDS, type BuiltInFold } from "../../journeys/built-in-folds";
import type { Generation } from "./generation";

/**
 * A generation's definitions map holds the stored definitions it folds with (`"shop": 3`) and the
 * built-in journeys' fold versions under "@" keys (`"@booking": 1`): a name can never start with
 * "@", so the two never collide, and whoever loads stored definitions skips the "@" keys.
 */
export const isBuiltInKey = (key: string): boolean => key.startsWith("@");

/** The stored definitions of a definitions map, without the built-in fold versions. */
export function dataDefinitions(definitions: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(definitions).filter(([key]) => !isBuiltInKey(key)));
}

/** The code's built-in fold versions, as "@" keys. */
export function builtInFoldVersions(folds: readonly BuiltInFold[] = BUILT_IN_FOLDS): Record<string, number> {
  return Object.fromEntries(folds.map((f) => [f.key, f.version]));
}

const foldVersionIn = (definitions: Record<string, number>, fold: BuiltInFold): number => definitions[fold.key] ?? FOLD_VERSION_BEFORE_RECORDS;

/** The built-in folds whose version in this definitions map is not the code's, in words: "booking fold v1". */
export function builtInFoldChanges(definitions: Record<string, number>, folds: readonly BuiltInFold[] = BUILT_IN_FOLDS): string[] {
  return folds.filter((f) => foldVersionIn(definitions, f) !== f.version).map((f) => `${f.label} fold v${foldVersionIn(definitions, f)}`);
}

/**
 * The version of journey `name` a generation folded with: a stored definition's version, or a
 * built-in journey's fold version (by its journey name, "holiday-booking", or its key, "@booking"
 * or "booking"); null for a journey the generation does not know.
 */
export function versionOfJourney(generation: Pick<Generation, "definitions">, name: string): number | null {
  const fold = BUILT_IN_FOLDS.find((f) => f.journey === name || f.key === name || f.key === `@${name}`);
  if (fold) return foldVersionIn(generation.definitions, fold);
  if (isBuiltInKey(name)) return null;
  return generation.definitions[name] ?? null;
}
