import "server-only";
import { getStore } from "../db/prisma";
import type { JourneyCatalog } from "../journeys/catalog";
import { liveCatalogOf } from "../journey-store/live-catalog";

/**
 * The journeys pages read sessions with: the catalog the live generation of the read models was
 * folded with (the built-in journeys and its stored definitions, lib/journey-store/live-catalog.ts).
 */
export async function liveCatalog(): Promise<JourneyCatalog> {
  return liveCatalogOf(getStore());
}
