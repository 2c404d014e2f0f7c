import { AsyncLocalStorage } from "node:async_hooks";
import { answerWithin } from "./answer-within";
import { parseDatabaseUrl } from "./database-url";
import { getStore, openStore, type Store } from "./prisma";

// The live read models' checkpoint (lib/sessions/projector/options.ts names it too; lib/db may not import lib/sessions).
export const LIVE_CHECKPOINT = "sessions";

/**
 * Where pages and read APIs read (issue 18): a PostgreSQL streaming replica when DATABASE_READ_URL
 * names one, else the primary. Appends, the projector, audit records and anything that must see its
 * own write keep using getStore(), the primary. A request that asked to read at least a position
 * (`?minPosition=`, lib/data/read-position.ts) runs inside `readingFrom(store)`, and every read it
 * makes goes to the store that was chosen for it.
 */
const globalForReads = globalThis as unknown as { rewindReplica?: Store | null };
const chosenForRequest = new AsyncLocalStorage<Store>();

/** The replica's store, or null when there is none (DATABASE_READ_URL unset). */
export function getReplicaStore(env: Record<string, string | undefined> = process.env): Store | null {
  if (globalForReads.rewindReplica === undefined) globalForReads.rewindReplica = openReplica(env.DATABASE_READ_URL?.trim());
  return globalForReads.rewindReplica;
}

function openReplica(url: string | undefined): Store | null {
  if (!url) return null;
  const replica = parseDatabaseUrl(url);
  if (replica.provider !== "postgresql" || getStore().target.provider !== "postgresql") {
    throw new Error("DATABASE_READ_URL names a PostgreSQL replica of DATABASE_URL: both must be postgres:// or postgresql:// URLs");
  }
  return openStore(replica, { connectTimeoutMs: 2_000 });
}

/**
 * The replica serves reads only while it keeps up: checked every few seconds (its projection
 * checkpoint against the primary's), it is passed over for the primary when it is more than
 * MAX_BEHIND positions behind or did not answer. So a stalled replica cannot go on serving what
 * the primary has since changed (an erasure, a purge) for as long as it stalls.
 */
export const MAX_BEHIND = 1_000;
const CHECK_EVERY_MS = 2_000;
const replicaState = { usable: false, checkedAt: 0, checking: false };

async function checkReplica(replica: Store): Promise<void> {
  replicaState.checking = true;
  try {
    const checkpoint = (store: Store) =>
      store.db.projectionCheckpoint.findUnique({ where: { name: LIVE_CHECKPOINT }, select: { position: true } }).then((r) => Number(r?.position ?? 0));
    const [primary, onReplica] = await Promise.all([checkpoint(getStore()), answerWithin(checkpoint(replica), 1_000, -1)]);
    replicaState.usable = onReplica >= 0 && primary - onReplica <= MAX_BEHIND;
  } catch {
    replicaState.usable = false;
  } finally {
    replicaState.checkedAt = Date.now();
    replicaState.checking = false;
  }
}

/** The store this request reads from. */
export function getReadStore(): Store {
  const chosen = chosenForRequest.getStore();
  if (chosen) return chosen;
  const replica = getReplicaStore();
  if (!replica) return getStore();
  if (!replicaState.checking && Date.now() - replicaState.checkedAt > CHECK_EVERY_MS) void checkReplica(replica);
  return replicaState.usable ? replica : getStore();
}

/** Runs `work` with every read of it going to `store`. */
export function readingFrom<T>(store: Store, work: () => T): T {
  return chosenForRequest.run(store, work);
}
