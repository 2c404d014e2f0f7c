import type { Store } from "../db/prisma";

/** A claim older than this is from a process that died mid-purge: it may be taken over. */
export const PURGE_LEASE_MS = 6 * 60 * 60 * 1000;

export class PurgeBusyError extends Error {
  constructor(readonly holder: string) {
    super(`another retention purge (${holder}) is running; try again when it has finished`);
    this.name = "PurgeBusyError";
  }
}

/**
 * Claims the one retention_lock row (migration 0028), so two purges never run at once, in this
 * process or another: one conditional UPDATE, which only one claimant can win.
 */
export async function claimPurge(store: Store, purgeId: string, now = new Date()): Promise<void> {
  const stale = new Date(now.getTime() - PURGE_LEASE_MS);
  const { count } = await store.db.retentionLock.updateMany({
    where: { id: 1, OR: [{ purgeId: null }, { claimedAt: { lt: stale } }] },
    data: { purgeId, claimedAt: now },
  });
  if (count === 1) return;
  const row = await store.db.retentionLock.findUnique({ where: { id: 1 } });
  throw new PurgeBusyError(row?.purgeId ?? "unknown");
}

export async function releasePurge(store: Store, purgeId: string): Promise<void> {
  await store.db.retentionLock.updateMany({ where: { id: 1, purgeId }, data: { purgeId: null, claimedAt: null } });
}

/** The purge holding the lock now (a live claim, not a stale one), or null: what the admin page says before a run. */
export async function runningPurge(store: Store, now = new Date()): Promise<{ purgeId: string; claimedAt: Date } | null> {
  const row = await store.db.retentionLock.findUnique({ where: { id: 1 } });
  if (!row?.purgeId || !row.claimedAt || row.claimedAt.getTime() < now.getTime() - PURGE_LEASE_MS) return null;
  return { purgeId: row.purgeId, claimedAt: row.claimedAt };
}
