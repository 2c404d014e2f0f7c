import type { Store } from "../../db/prisma";
import type { ProjectorOptions } from "../projector/options";
import type { BuildProgress } from "./build-step";
import { buildUntilSwitched } from "./build-until-switched";
import { catalogOfGeneration } from "./catalogs";
import { liveGeneration } from "./generation";
import { startGeneration } from "./start";

/**
 * Folds the whole store again into a new generation, with the live generation's journeys, beside
 * the live one (pages keep reading it), and switches it in once it has caught up. Aliases and
 * customers' references are kept: they are shared by every generation. Answers how many events
 * it folded.
 */
export async function rebuildProjections(store: Store, options: ProjectorOptions = {}, onProgress?: (progress: BuildProgress) => void): Promise<number> {
  const live = await liveGeneration(store);
  const catalog = options.catalog ?? (await catalogOfGeneration(live));
  const generation = await startGeneration(store, { definitions: live.definitions, catalog, reason: "rebuild" });
  return buildUntilSwitched(store, generation.id, { ...options, catalog }, onProgress);
}
