import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
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
}

export function openStore(target: DatabaseTarget): Store {
  if (target.provider === "sqlite") {
    // timeout = SQLite's busy timeout: a writer waits this long for another process's write lock.
    const adapter = new PrismaBetterSqlite3({ url: target.filePath, timeout: 30_000 });
    return { target, db: new SqliteClient({ adapter }) };
  }
  const adapter = new PrismaPg({ connectionString: target.url, max: 10 });
  return { target, db: new PostgresClient({ adapter }) as unknown as Db };
}

const globalForStore = globalThis as unknown as { rewindStore?: Store };

/** The process-wide store for DATABASE_URL (kept across hot reloads in development). */
export function getStore(): Store {
  if (!globalForStore.rewindStore) {
    globalForStore.rewindStore = openStore(parseDatabaseUrl(process.env.DATABASE_URL));
  }
  return globalForStore.rewindStore;
}
