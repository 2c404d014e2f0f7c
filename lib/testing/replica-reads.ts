import type { DatabaseTarget } from "../db/database-url";
import { openStore, type Db, type Store } from "../db/prisma";

/**
 * The integration suite once more with its reads on a streaming replica (issue 18; `.ci/run`
 * starts one): every read outside a transaction (a model read, or a raw query that only selects)
 * goes to the replica, once the replica has replayed everything the primary had written when the
 * read was asked. So a test written against one database passes unchanged only if what Rewind
 * reads is answered the same by a hot standby: read-only, replayed, with no sequences, locks or
 * temporary state of the primary's. Writes and transactions stay on the primary.
 */
const MODEL_READS = new Set(["findFirst", "findFirstOrThrow", "findMany", "findUnique", "findUniqueOrThrow", "groupBy", "aggregate", "count"]);
// A raw query that could write or lock is left on the primary, as the code would have to.
const WRITING_WORDS =
  "insert|update|delete|merge|create|drop|alter|truncate|lock|vacuum|analyze|notify|nextval|setval|pg_advisory\\w*|pg_current_wal\\w*|events_partition_for";
const NOT_ONLY_A_READ = new RegExp(`\\b(${WRITING_WORDS}|for\\s+(update|share|no\\s+key\\s+update|key\\s+share))\\b`, "i");
// Generous: on a busy 2-core machine replay can fall seconds behind a bulk import; a test is about what is read, not how soon.
const REPLAY_TIMEOUT_MS = 45_000;

/** The replica server of TEST_READS_ON_REPLICA (its URL), when the suite runs with reads on it. */
export const replicaServerUrl = (): string | null => process.env.TEST_READS_ON_REPLICA?.trim() || null;

const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

function isOnlyARead(operation: string, args: unknown): boolean {
  if (MODEL_READS.has(operation)) return true;
  if (operation === "$queryRaw") {
    const text = ((args as { strings?: readonly string[] }).strings ?? []).join(" ? ");
    return /^\s*(select|with)\b/i.test(text) && !NOT_ONLY_A_READ.test(text);
  }
  if (operation === "$queryRawUnsafe") {
    const text = String((args as unknown[])[0] ?? "");
    return /^\s*(select|with)\b/i.test(text) && !NOT_ONLY_A_READ.test(text);
  }
  return false;
}

/** `primary`'s store with its reads answered by the same database on the replica server. */
export function withReadsOnReplica(primary: Store, replicaServer: string): { store: Store; dispose: () => Promise<void> } {
  if (primary.target.provider !== "postgresql") throw new Error("reads on a replica are a PostgreSQL matter");
  const url = new URL(replicaServer);
  url.pathname = new URL(primary.target.url).pathname;
  const replicaTarget: DatabaseTarget = { provider: "postgresql", url: url.toString() };
  const replica = openStore(replicaTarget);
  const replicaDb = replica.db as unknown as Record<string, Record<string, (args: unknown) => Promise<unknown>>> & {
    $queryRaw: (args: unknown) => Promise<unknown>;
    $queryRawUnsafe: (...args: unknown[]) => Promise<unknown>;
  };

  // The insert position, not the write position: with synchronous_commit off (the CI server) a
  // commit can be inserted before it is written, and a read must wait for it too.
  async function replayedUpToNow(): Promise<void> {
    const [current] = await primary.db.$queryRawUnsafe<{ lsn: string }[]>(`SELECT pg_current_wal_insert_lsn()::text AS "lsn"`);
    const lsn = current!.lsn;
    const deadline = Date.now() + REPLAY_TIMEOUT_MS;
    for (;;) {
      const [row] = await replica.db.$queryRawUnsafe<{ replayed: boolean }[]>(`SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS "replayed"`, lsn);
      if (row?.replayed) return;
      if (Date.now() > deadline) throw new Error(`the replica had not replayed up to ${lsn} after ${REPLAY_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  const db = primary.db.$extends({
    query: {
      async $allOperations({ operation, model, args, query, ...rest }) {
        const inTransaction = Boolean((rest as { __internalParams?: { transaction?: unknown } }).__internalParams?.transaction);
        if (inTransaction || !isOnlyARead(operation, args)) return query(args);
        await replayedUpToNow();
        if (model) return replicaDb[lowerFirst(model)]![operation]!(args);
        if (operation === "$queryRawUnsafe") return replicaDb.$queryRawUnsafe(...(args as unknown[]));
        return replicaDb.$queryRaw(args);
      },
    },
  }) as unknown as Db;
  return { store: { target: primary.target, db }, dispose: () => replica.db.$disconnect() };
}
