import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { PrismaClient as PostgresClient } from "../generated/postgresql/client";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client";
import { parseDatabaseUrl, type DatabaseTarget } from "./database-url";

/**
 * Both clients come from one schema template, so their model APIs are the same; the SQLite
 * client's type stands for both.
 */
export type Db = SqliteClient;

export interface Store {
  target: DatabaseTarget;
  db: Db;
  /**
   * How the connection pool stands (PostgreSQL: the pg Pool the adapter draws from). SQLite has no
   * pool: one connection in this process, writers queued on the file's lock, so nothing here.
   */
  poolUse?: () => PoolUse;
  /**
   * SQLite: the one better-sqlite3 connection Prisma's adapter opened (null before its first query).
   * Statements run on it inside a Prisma transaction's callback are part of that transaction: the
   * adapter runs BEGIN on it and holds its mutex until COMMIT. Only the append uses it
   * (lib/eventstore/insert-direct.ts), for the insert Prisma's query path made twice as slow.
   */
  sqliteConnection?: () => BetterSqlite3.Database | null;
}

/** The adapter factory, keeping the connection it opens. */
class ConnectionKeepingFactory extends PrismaBetterSqlite3 {
  connection: BetterSqlite3.Database | null = null;
  override async connect() {
    const adapter = await super.connect();
    this.connection = (adapter as unknown as { client: BetterSqlite3.Database }).client;
    return adapter;
  }
}

export interface PoolUse {
  total: number;
  idle: number;
  /** requests queued for a connection: the pool is exhausted while this is above 0 */
  waiting: number;
}

/**
 * `connectTimeoutMs`: how long a new connection may take before the query fails (a replica that
 * silently drops packets must not hold reads and health checks for the minutes TCP takes to give up).
 */
export function openStore(target: DatabaseTarget, { connectTimeoutMs }: { connectTimeoutMs?: number } = {}): Store {
  if (target.provider === "sqlite") {
    // timeout = SQLite's busy timeout: a writer waits this long for another process's write lock.
    const adapter = new ConnectionKeepingFactory({ url: target.filePath, timeout: 30_000 });
    return { target, db: new SqliteClient({ adapter }), sqliteConnection: () => adapter.connection };
  }
  // The pool is made here, not by the adapter, so its counts can be read (GET /api/metrics); the
  // adapter still ends it on $disconnect.
  const pool = new pg.Pool({ connectionString: target.url, max: 10, ...(connectTimeoutMs ? { connectionTimeoutMillis: connectTimeoutMs } : {}) });
  const adapter = new PrismaPg(pool, { disposeExternalPool: true });
  return {
    target,
    db: new PostgresClient({ adapter }) as unknown as Db,
    poolUse: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
  };
}

const globalForStore = globalThis as unknown as { rewindStore?: Store };

/** The process-wide store for DATABASE_URL (kept across hot reloads in development). */
export function getStore(): Store {
  if (!globalForStore.rewindStore) {
    globalForStore.rewindStore = openStore(parseDatabaseUrl(process.env.DATABASE_URL));
  }
  return globalForStore.rewindStore;
}
