/** Generations of the session read models: see docs/journeys.md, "Generations". */
export { buildGenerationStep, type BuildProgress } from "./build-step";
export { buildUntilSwitched, GenerationBuildError } from "./build-until-switched";
export { builtInFoldChanges, builtInFoldVersions, dataDefinitions, isBuiltInKey, versionOfJourney } from "./built-in-versions";
export { generationBytes } from "./disk";
export { discardRetiredGeneration, GenerationNotKeptError, keepGenerations } from "./keep";
export { startReleaseGeneration } from "./release";
export { rollBackGeneration, RollbackRefusedError, type RollBackOptions, type RollBackResult } from "./roll-back";
export { useCatalogResolver, type CatalogResolver } from "./catalogs";
export { buildingGeneration, listGenerations, liveGeneration, newestKeptGeneration, readGeneration, type Generation, type GenerationState } from "./generation";
export { rebuildProjections } from "./rebuild";
export { startGeneration, type StartGeneration } from "./start";
export { switchWhenCaughtUp, type SwitchResult } from "./switch";
