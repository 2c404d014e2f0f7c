import "server-only";
import { builtInCatalog, type JourneyCatalog } from "../journeys/catalog";

/**
 * The journeys pages read sessions with: the catalog the live generation of the read models was
 * folded with. For now the built-in journeys; stored definitions join it when they are loaded
 * from the store.
 */
export async function liveCatalog(): Promise<JourneyCatalog> {
  return builtInCatalog;
}
