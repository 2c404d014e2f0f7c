import type { Store } from "../db/prisma";
import type { JourneyCatalog } from "../journeys/catalog";
import type { JourneyDocument } from "../journeys/definition/definition-schema";
import { factReads, type ValueRead } from "../journeys/definition/personal-reads";
import { liveGeneration } from "../sessions/generations";
import { catalogOfVersions } from "./journey-catalog";

const cache = globalThis as unknown as { rewindLiveCatalog?: { generation: number; catalog: JourneyCatalog; checkedAt: number } };
const RECHECK_MS = 2_000;

/**
 * The catalog the live read models were folded with: the built-in journeys and the stored
 * definitions of the live generation (`{"<name>": <version>}`), turned into journeys. Pages take
 * their words and steps from it. Cached per generation; a switch reaches every process within a
 * couple of seconds (one small query per two seconds, not per request).
 */
export async function liveCatalogOf(store: Store, now = Date.now()): Promise<JourneyCatalog> {
  const cached = cache.rewindLiveCatalog;
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.catalog;
  const live = await liveGeneration(store);
  if (cached?.generation === live.id) {
    cached.checkedAt = now;
    return cached.catalog;
  }
  const catalog = await catalogOfVersions(store, live.definitions);
  cache.rewindLiveCatalog = { generation: live.id, catalog, checkedAt: now };
  return catalog;
}

/** The event paths the live journeys name as personal (their `people`), for the masker. */
export async function livePersonalPaths(store: Store): Promise<string[]> {
  const catalog = await liveCatalogOf(store);
  return [...new Set(catalog.journeys.flatMap((j) => j.personalPaths ?? []))].sort();
}

/** What the live data journeys' facts read, by the keys they keep them under: the masker masks those read from a personal path. */
export async function liveJourneyReads(store: Store): Promise<ValueRead[]> {
  const catalog = await liveCatalogOf(store);
  return catalog.journeys.flatMap((j) => (j.document ? factReads(j.document as JourneyDocument) : []));
}

/** Forget the cached catalog (tests; a process that switched a generation itself). */
export function forgetLiveCatalog(): void {
  cache.rewindLiveCatalog = undefined;
}
