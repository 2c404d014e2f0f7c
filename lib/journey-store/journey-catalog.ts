import type { Store } from "../db/prisma";
import { builtInCatalog, catalogOf, type JourneyCatalog } from "../journeys/catalog";
import { dataJourney } from "../journeys/definition/data-journey";
import type { JourneyDocument } from "../journeys/definition/definition-schema";
import { dataDefinitions, useCatalogResolver } from "../sessions/generations";
import { readDefinitionVersions } from "./definition-store";

/** The catalog of the built-in journeys and these documents, turned into journeys. */
export function catalogOfDocuments(documents: readonly JourneyDocument[]): JourneyCatalog {
  return catalogOf([...builtInCatalog.journeys, ...documents.map(dataJourney)]);
}

/**
 * The catalog of a generation's stored definitions `{"<name>": <version>}` (none: the built-in
 * journeys). Its "@" keys are the built-in folds' versions, which the code has: they are skipped.
 */
export async function catalogOfVersions(store: Store, versions: Record<string, number>): Promise<JourneyCatalog> {
  const stored = dataDefinitions(versions);
  if (Object.keys(stored).length === 0) return builtInCatalog;
  return catalogOfDocuments((await readDefinitionVersions(store, stored)).map((v) => v.document));
}

/** Lets generations started in another process (`journeys apply`) be built here with their stored definitions. */
export function resolveCatalogsFrom(store: Store): void {
  // biome-ignore lint/correctness/useHookAtTopLevel: not a React hook; lib/sessions/generations names its setter so
  useCatalogResolver((versions) => catalogOfVersions(store, versions));
}
