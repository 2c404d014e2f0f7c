import type { Store } from "../db/prisma";
import type { Caller } from "./api-keys";

/** How stale a key's last-used time may get: one write a minute per key at most, however busy it is. */
export const LAST_USED_GRANULARITY_MS = 60_000;

/** The stored key's id from a caller's keyId ("key:12"), or null for a key given in the environment. */
export function storedKeyId(caller: Pick<Caller, "keyId">): number | null {
  const match = /^key:(\d+)$/.exec(caller.keyId);
  return match ? Number(match[1]) : null;
}

/**
 * Notes that a stored key was used now. One conditional UPDATE that changes nothing when the time
 * kept is under a minute old, so a busy producer costs a write a minute rather than one per
 * request; answers whether it wrote. It is its own statement, never part of an append, so it
 * neither waits for nor holds the append lock.
 */
export async function recordKeyUse(store: Store, caller: Pick<Caller, "keyId">, now: Date): Promise<boolean> {
  const id = storedKeyId(caller);
  if (id === null) return false;
  const staleBefore = new Date(now.getTime() - LAST_USED_GRANULARITY_MS);
  const { count } = await store.db.apiKey.updateMany({
    where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: now },
  });
  return count === 1;
}
