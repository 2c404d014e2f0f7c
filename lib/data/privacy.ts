import "server-only";
import { getStore } from "../db/prisma";
import { REVEALED, type Masker } from "../privacy/mask";
import { currentMasker } from "../privacy/policy-store";
import { liveJourneyReads, livePersonalPaths } from "../journey-store/live-catalog";

/**
 * The masker every response goes through (lib/privacy/policy-store.ts), with the live journeys'
 * `people` paths as personal data too; `revealed` only for a session a permitted viewer revealed
 * with a reason (lib/data/reveal.ts checks the grant).
 */
export async function getMasker(revealed = false): Promise<Masker> {
  if (revealed) return REVEALED;
  const store = getStore();
  const [paths, reads] = await Promise.all([livePersonalPaths(store), liveJourneyReads(store)]);
  return currentMasker(store, Date.now(), paths, reads);
}
