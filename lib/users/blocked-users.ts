import type { Store } from "../db/prisma";
import { appendEvents, type AppendResult } from "../eventstore/append";
import { firstBlocked } from "../ingest/blocked-check";
import type { IncomingEvent } from "../ingest/cloud-event";

export interface BlockedUser {
  userId: string;
  reason: string;
  blockedBy: string;
  blockedAt: Date;
}

/**
 * How long one process trusts the block list it read, in milliseconds. A change made in this
 * process is seen at once (the cache is dropped); another node (a second server, the `users block`
 * command) sees it within this long: the cross-node delay docs/subject-access.md states.
 */
export const BLOCK_LIST_TTL_MS = 5_000;

/**
 * Per store (tests and the CLI hold several in one process), and on globalThis: Next.js may load
 * this module once for the route handlers and again for the server actions, and a block made by
 * an action must drop the cache the ingest routes read.
 */
const shared = globalThis as unknown as { rewindBlockLists?: WeakMap<Store, { readAt: number; list: Promise<ReadonlyMap<string, string>> }> };
shared.rewindBlockLists ??= new WeakMap();
const cache = shared.rewindBlockLists;

function readBlockList(store: Store): Promise<ReadonlyMap<string, string>> {
  const hit = cache.get(store);
  const now = Date.now();
  if (hit && now - hit.readAt < BLOCK_LIST_TTL_MS) return hit.list;
  const list = store.db.blockedUser
    .findMany({ select: { userId: true, reason: true } })
    .then((rows) => new Map(rows.map((r) => [r.userId, r.reason])) as ReadonlyMap<string, string>);
  // A failed read is not kept: the next append asks again.
  list.catch(() => cache.delete(store));
  cache.set(store, { readAt: now, list });
  return list;
}

/** Refuses the whole batch when any event's user id is blocked (BlockedUserError, 422): nothing is written. */
export async function refuseBlockedUsers(store: Store, events: readonly IncomingEvent[]): Promise<void> {
  const refusal = firstBlocked(events, await readBlockList(store));
  if (refusal) throw refusal;
}

/** A producer's events appended all or none: refused whole (nothing written) when one carries a blocked user id. */
export async function appendUnlessBlocked(store: Store, events: readonly IncomingEvent[]): Promise<AppendResult[]> {
  await refuseBlockedUsers(store, events);
  return appendEvents(store, events);
}

/** The block list's reasons, for a caller that refuses events one by one (the import). */
export const blockListOf = readBlockList;

export async function listBlockedUsers(store: Store): Promise<BlockedUser[]> {
  return store.db.blockedUser.findMany({ orderBy: [{ blockedAt: "desc" }, { userId: "asc" }] });
}

/** Blocks a user id (again: the reason and who are replaced). Answers whether it was blocked before. */
export async function blockUser(store: Store, entry: { userId: string; reason: string; blockedBy: string }, now = new Date()): Promise<{ already: boolean }> {
  const before = await store.db.blockedUser.findUnique({ where: { userId: entry.userId }, select: { userId: true } });
  await store.db.blockedUser.upsert({
    where: { userId: entry.userId },
    create: { ...entry, blockedAt: now },
    update: { reason: entry.reason, blockedBy: entry.blockedBy, blockedAt: now },
  });
  cache.delete(store);
  return { already: before !== null };
}

/** Unblocks a user id; answers whether it was blocked. */
export async function unblockUser(store: Store, userId: string): Promise<boolean> {
  const { count } = await store.db.blockedUser.deleteMany({ where: { userId } });
  cache.delete(store);
  return count > 0;
}
