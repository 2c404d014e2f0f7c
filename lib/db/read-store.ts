import { AsyncLocalStorage } from "node:async_hooks";
import { parseDatabaseUrl } from "./database-url";
import { getStore, openStore, type Store } from "./prisma";

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
  return openStore(replica);
}

/** The store this request reads from. */
export function getReadStore(): Store {
  return chosenForRequest.getStore() ?? getReplicaStore() ?? getStore();
}

/** Runs `work` with every read of it going to `store`. */
export function readingFrom<T>(store: Store, work: () => T): T {
  return chosenForRequest.run(store, work);
}
