import type { JourneyCatalog } from "../../journeys/catalog";
import { dataDefinitions } from "./built-in-versions";
import type { Generation } from "./generation";

/**
 * The catalog each generation folds with. A generation started in this process is built with the
 * catalog it was started with; one started elsewhere (`journeys apply` in another process) is
 * built with the catalog of its stored definitions, which the server's resolver loads.
 */
/** Loads the catalog of stored definitions `{"<name>": <version>}`. */
export type CatalogResolver = (definitions: Record<string, number>) => Promise<JourneyCatalog>;

// On globalThis, not in module variables: Next.js loads this module once for instrumentation.ts
// (which registers the resolver) and again for the route handlers whose appends nudge the
// projector, so a module variable set in one is unset in the other, and a nudged page folded a
// data journey's events with the built-in journeys only.
interface Catalogs {
  started: Map<number, JourneyCatalog>;
  resolver?: CatalogResolver;
}
const shared = globalThis as unknown as { rewindCatalogs?: Catalogs };
shared.rewindCatalogs ??= { started: new Map() };
const catalogs: Catalogs = shared.rewindCatalogs;
const started = catalogs.started;

export function rememberCatalog(id: number, catalog: JourneyCatalog): void {
  started.set(id, catalog);
}

/** Where stored definitions are loaded from (set once per process by whoever stores them). */
export function useCatalogResolver(resolve: CatalogResolver): void {
  catalogs.resolver = resolve;
}

/**
 * The catalog of a generation: the one it was started with here, else the resolver's; undefined
 * means the built-in journeys (a generation with no stored definitions, or no resolver yet).
 */
export async function catalogOfGeneration(generation: Generation): Promise<JourneyCatalog | undefined> {
  const known = started.get(generation.id);
  if (known) return known;
  const resolver = catalogs.resolver;
  // The "@" keys are built-in fold versions, not stored definitions: the resolver never sees them.
  const stored = dataDefinitions(generation.definitions);
  if (!resolver || Object.keys(stored).length === 0) return undefined;
  const catalog = await resolver(stored);
  started.set(generation.id, catalog);
  return catalog;
}
