import type { JourneyCatalog } from "../../journeys/catalog";
import type { Generation } from "./generation";

/**
 * The catalog each generation folds with. A generation started in this process is built with the
 * catalog it was started with; one started elsewhere (`journeys apply` in another process) is
 * built with the catalog of its stored definitions, which the server's resolver loads.
 */
const started = new Map<number, JourneyCatalog>();

export function rememberCatalog(id: number, catalog: JourneyCatalog): void {
  started.set(id, catalog);
}

/** Loads the catalog of stored definitions `{"<name>": <version>}`. */
export type CatalogResolver = (definitions: Record<string, number>) => Promise<JourneyCatalog>;

let resolver: CatalogResolver | undefined;

/** Where stored definitions are loaded from (set once per process by whoever stores them). */
export function useCatalogResolver(resolve: CatalogResolver): void {
  resolver = resolve;
}

/**
 * The catalog of a generation: the one it was started with here, else the resolver's; undefined
 * means the built-in journeys (a generation with no stored definitions, or no resolver yet).
 */
export async function catalogOfGeneration(generation: Generation): Promise<JourneyCatalog | undefined> {
  const known = started.get(generation.id);
  if (known) return known;
  if (!resolver || Object.keys(generation.definitions).length === 0) return undefined;
  const catalog = await resolver(generation.definitions);
  started.set(generation.id, catalog);
  return catalog;
}
