import type { JourneyDefinition, SearchTerm } from "./journey-definition";

/**
 * The journeys one fold uses: the built-in ones and the stored definitions of one generation of the
 * read models. Not a global: the live projector and a new generation being built fold with
 * different catalogs at once, so whoever folds is handed its catalog.
 */
export interface JourneyCatalog {
  /** every journey, highest priority first, then by name; the generic journey is not in the list */
  readonly journeys: readonly JourneyDefinition<unknown>[];
  /** the journey of that name, or null (the generic journey answers to "generic") */
  byName(name: string): JourneyDefinition<unknown> | null;
  /** the journey that claims this event, by priority then name; null when none does */
  claimantOf(event: { type: string; source: string }): JourneyDefinition<unknown> | null;
  /** the journey of a session: the claimant of its first event any journey claims; otherwise generic */
  journeyOf(events: readonly { type: string; source: string }[]): JourneyDefinition<unknown>;
  /** the union of every journey's boundaries */
  boundaryOf(type: string): "sign_in" | "sign_out" | "expired" | null;
  /** the words a support agent may find this event's person by, from its claimant */
  searchTermsOf(event: Parameters<JourneyDefinition<unknown>["searchTerms"]>[0]): SearchTerm[];
}
