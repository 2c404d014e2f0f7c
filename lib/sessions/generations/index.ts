/** Generations of the session read models: see docs/journeys.md, "Generations". */
export { buildGenerationStep, type BuildProgress } from "./build-step";
export { buildUntilSwitched, GenerationBuildError } from "./build-until-switched";
export { useCatalogResolver, type CatalogResolver } from "./catalogs";
export { buildingGeneration, listGenerations, liveGeneration, readGeneration, type Generation, type GenerationState } from "./generation";
export { rebuildProjections } from "./rebuild";
export { startGeneration, type StartGeneration } from "./start";
export { switchWhenCaughtUp, type SwitchResult } from "./switch";
