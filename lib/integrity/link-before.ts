import type { Store } from "../db/prisma";

/** The link before `position` in the store: the newest chained event or tombstone before it. */
export async function linkBefore(store: Store, position: bigint): Promise<string | null> {
  const where = { position: { lt: position }, chainHash: { not: null } };
  const [event, tombstone] = await Promise.all([
    store.db.storedEvent.findFirst({ where, orderBy: { position: "desc" }, select: { position: true, chainHash: true } }),
    store.db.eventTombstone.findFirst({ where, orderBy: { position: "desc" }, select: { position: true, chainHash: true } }),
  ]);
  const newest = [event, tombstone].filter((r) => r !== null).sort((a, b) => (a.position > b.position ? -1 : 1))[0];
  return newest?.chainHash ?? null;
}
