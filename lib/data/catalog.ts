import "server-only";
import { builtInCatalog, type JourneyCatalog } from "../journeys/catalog";
import { genericJourney } from "../journeys/generic/generic-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";

/**
 * The journeys pages read sessions with: the catalog the live generation of the read models was
 * folded with. For now the built-in journeys; stored definitions join it when they are loaded
 * from the store.
 */
export async function liveCatalog(): Promise<JourneyCatalog> {
  return builtInCatalog;
}

/**
 * The journey a stored session names, from the live catalog; a journey no longer in it (its
 * definition removed) reads as the generic one until the sessions are folded again.
 */
export async function liveJourney(name: string): Promise<JourneyDefinition<unknown>> {
  return (await liveCatalog()).byName(name) ?? (genericJourney as JourneyDefinition<unknown>);
}
