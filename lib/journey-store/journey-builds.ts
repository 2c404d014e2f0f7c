import type { Store } from "../db/prisma";
import { listGenerations, liveGeneration } from "../sessions/generations";
import { buildOf, failedToBuild, type JourneyBuild } from "./build-status";
import { type DefinitionVersion, listDefinitions } from "./definition-store";

/** Far more generations than a definition's newest version is ever older than: the ones its build state is read from. */
const GENERATIONS_READ = 200;

/** Every stored definition's newest version, with where it stands in the read models. */
export async function readJourneyBuilds(store: Store): Promise<{ version: DefinitionVersion; build: JourneyBuild }[]> {
  const [heads, live, generations] = await Promise.all([listDefinitions(store), liveGeneration(store), listGenerations(store, GENERATIONS_READ)]);
  return heads.map((version) => ({ version, build: buildOf(version.name, version.version, live, generations) }));
}

/**
 * The definitions a new generation folds with, as its `{"<name>": <version>}`: the newest version
 * of each, except one whose build failed, which keeps its live version (or stays out) until it is
 * retried (`retry`: its name) or a fixed version is saved; a failed version is not folded again
 * by every later save of another journey.
 */
export async function versionsInForce(store: Store, retry?: string): Promise<Record<string, number>> {
  const entries: [string, number][] = [];
  for (const { version, build } of await readJourneyBuilds(store)) {
    if (!failedToBuild(build) || version.name === retry) entries.push([version.name, version.version]);
    else if (build.liveVersion !== null) entries.push([version.name, build.liveVersion]);
  }
  return Object.fromEntries(entries);
}
