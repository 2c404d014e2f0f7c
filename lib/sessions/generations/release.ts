import type { Store } from "../../db/prisma";
import { BUILT_IN_FOLDS, type BuiltInFold } from "../../journeys/built-in-folds";
import { builtInFoldChanges, builtInFoldVersions } from "./built-in-versions";
import { catalogOfGeneration } from "./catalogs";
import { buildingGeneration, liveGeneration, type Generation } from "./generation";
import { startGeneration } from "./start";

/**
 * At the server's start: when this release's built-in fold versions differ from the live
 * generation's, a new generation is started that folds everything with them (reason "release:
 * booking fold v2"); the projector runner builds it and switches it in once caught up, and pages
 * show the live one meanwhile, so an upgrade never shows a half-rebuilt dashboard. One already
 * being built with these versions is left to finish; one being built with others is replaced, with
 * the definitions it was built for. Answers the generation started, or null.
 */
export async function startReleaseGeneration(store: Store, folds: readonly BuiltInFold[] = BUILT_IN_FOLDS): Promise<Generation | null> {
  const live = await liveGeneration(store);
  if (builtInFoldChanges(live.definitions, folds).length === 0) return null;
  const building = await buildingGeneration(store);
  if (building && builtInFoldChanges(building.definitions, folds).length === 0) return null;
  const basis = building ?? live;
  const code = builtInFoldVersions(folds);
  const changed = folds.filter((f) => builtInFoldChanges(live.definitions, [f]).length > 0);
  return startGeneration(store, {
    definitions: basis.definitions,
    builtInFolds: code,
    catalog: await catalogOfGeneration(basis),
    reason: `release: ${changed.map((f) => `${f.label} fold v${f.version}`).join(", ")}`,
  });
}
