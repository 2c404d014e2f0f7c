import type { Store } from "../db/prisma";
import { type Generation, startGeneration } from "../sessions/generations";
import { type DefinitionVersion, saveDefinition } from "./definition-store";
import { catalogOfVersions, headVersions } from "./journey-catalog";
import { seedDefinitions } from "./seed";

export type ApplyResult = { applied: true; version: DefinitionVersion; generation: Generation } | { applied: false; unchanged: DefinitionVersion };

/**
 * Applies a definition's JSON text: a new version is stored (InvalidDefinitionError, nothing
 * written, on an invalid one) and a new generation of the read models is started that folds every
 * event again with the newest version of every stored definition. Pages keep reading the live
 * generation until the new one has caught up and is switched in. The same text as the version in
 * force stores nothing and starts nothing.
 */
export async function applyDefinition(store: Store, text: string, changedBy: string): Promise<ApplyResult> {
  await seedDefinitions(store);
  const result = await saveDefinition(store, text, changedBy);
  if (!result.saved) return { applied: false, unchanged: result.unchanged };
  const { version } = result;
  const generation = await startNewGeneration(store, `journey ${version.name} v${version.version}`);
  return { applied: true, version, generation };
}

/** A new generation folding with the newest stored definitions, started for `reason`. */
export async function startNewGeneration(store: Store, reason: string): Promise<Generation> {
  const definitions = await headVersions(store);
  return startGeneration(store, { definitions, catalog: await catalogOfVersions(store, definitions), reason });
}

/**
 * The server's start: seeds the definitions on a store that has none (journeys/*.json or
 * REWIND_JOURNEYS_DIR) and, when it stored any, starts the generation that folds with them.
 */
export async function seedJourneys(store: Store): Promise<DefinitionVersion[]> {
  const seeded = await seedDefinitions(store);
  if (seeded.length > 0) await startNewGeneration(store, `seeded ${seeded.map((v) => v.name).join(", ")}`);
  return seeded;
}
