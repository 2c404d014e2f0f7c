import "server-only";
import { getReadStore } from "../db/read-store";
import type { JourneyCatalog } from "../journeys/catalog";
import { genericJourney } from "../journeys/generic/generic-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { liveCatalogOf } from "../journey-store/live-catalog";
import { journeyVersionIn, type JourneyVersion } from "../journey-store/journey-version";
import { liveGeneration } from "../sessions/generations";

/**
 * The journeys pages read sessions with: the catalog the live generation of the read models was
 * folded with (the built-in journeys and its stored definitions, lib/journey-store/live-catalog.ts).
 */
export async function liveCatalog(): Promise<JourneyCatalog> {
  return liveCatalogOf(getReadStore());
}

/**
 * The journey a stored session names, from the live catalog; a journey no longer in it (its
 * definition removed) reads as the generic one until the sessions are folded again.
 */
export async function liveJourney(name: string): Promise<JourneyDefinition<unknown>> {
  return (await liveCatalog()).byName(name) ?? (genericJourney as JourneyDefinition<unknown>);
}

/**
 * Which version of a journey folded what pages and exports show now: the live generation's
 * (`"shop v3"`, `"holiday-booking (built-in, fold v2)"`), so a figure can be traced to a definition.
 */
export async function liveJourneyVersion(name: string): Promise<JourneyVersion> {
  return journeyVersionIn(await liveGeneration(getReadStore()), name);
}
