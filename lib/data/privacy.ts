import "server-only";
import { getStore } from "../db/prisma";
import { REVEALED, type Masker } from "../privacy/mask";
import { currentMasker } from "../privacy/policy-store";

/**
 * The masker every response goes through (lib/privacy/policy-store.ts); `revealed` only for a
 * session a permitted viewer revealed with a reason (lib/data/reveal.ts checks the grant).
 */
export function getMasker(revealed = false): Promise<Masker> {
  return revealed ? Promise.resolve(REVEALED) : currentMasker(getStore());
}
