import { builtInCatalog } from "./catalog";
import { genericJourney } from "./generic/generic-journey";
import type { JourneyDefinition, SessionOutcome } from "./journey-definition";
import { OUTCOMES } from "./outcomes";

/**
 * Thin helpers over the built-in catalog, for code that reads a stored session without a catalog at
 * hand (client components). What folds is handed its catalog (ProjectorOptions.catalog) and pages
 * read lib/data/catalog.ts liveCatalog(): these know only the journeys written in TypeScript.
 */
export function journeyByName(name: string): JourneyDefinition<unknown> {
  return builtInCatalog.byName(name) ?? (genericJourney as JourneyDefinition<unknown>);
}

/** An outcome in its journey's words, when only the stored outcome is at hand (no state). */
export function outcomeLabelOf(journey: string, outcome: string, state?: unknown): string {
  return (OUTCOMES as readonly string[]).includes(outcome) ? journeyByName(journey).outcomeLabel(state, outcome as SessionOutcome) : outcome;
}
