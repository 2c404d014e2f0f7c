import type { Store } from "../db/prisma";
import { type Generation, startGeneration } from "../sessions/generations";
import { type BasedOn, type DefinitionVersion, saveDefinition } from "./definition-store";
import { catalogOfVersions } from "./journey-catalog";
import { readJourneyBuilds, versionsInForce } from "./journey-builds";
import { seedDefinitions } from "./seed";

export type ApplyResult =
  | { applied: true; version: DefinitionVersion; generation: Generation; retried: boolean }
  | { applied: false; unchanged: DefinitionVersion };

/**
 * Applies a definition's JSON text: a new version is stored (InvalidDefinitionError, nothing
 * written, on an invalid one; DefinitionConflictError when someone else saved one since `basedOn`
 * or meanwhile) and a new generation of the read models is started that folds every event again
 * with the newest version of every stored definition. Pages keep reading the live generation
 * until the new one has caught up and is switched in. The same text as the newest version stores
 * nothing and starts nothing, unless that version is not live nor being prepared (its build
 * failed, or was superseded): then it is built again (`retried`), the way an admin retries after
 * fixing what broke it.
 */
export async function applyDefinition(store: Store, text: string, changedBy: string, basedOn?: BasedOn): Promise<ApplyResult> {
  await seedDefinitions(store);
  const result = await saveDefinition(store, text, changedBy, basedOn);
  if (!result.saved) {
    const { unchanged } = result;
    const build = (await readJourneyBuilds(store)).find((b) => b.version.name === unchanged.name)?.build;
    // Live or being prepared: nothing to do. Failed, superseded by a rebuild, or never built: build it again.
    if (!build || build.state === "live" || build.state === "preparing") return { applied: false, unchanged };
    const generation = await startNewGeneration(store, `retry journey ${unchanged.name} v${unchanged.version}`, unchanged.name);
    return { applied: true, version: unchanged, generation, retried: true };
  }
  const { version } = result;
  const generation = await startNewGeneration(store, `journey ${version.name} v${version.version}`);
  return { applied: true, version, generation, retried: false };
}

/** A new generation folding with the stored definitions in force (see versionsInForce), started for `reason`; `retry` names a failed one to fold again. */
export async function startNewGeneration(store: Store, reason: string, retry?: string): Promise<Generation> {
  const definitions = await versionsInForce(store, retry);
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
