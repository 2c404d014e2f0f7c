import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseTarget } from "../db/database-url";
import { migrateDatabase } from "../db/migrate";
import { openStore, type Store } from "../db/prisma";
import { replicaServerUrl, withReadsOnReplica } from "./replica-reads";

export interface TestStore {
  store: Store;
  target: DatabaseTarget;
  dispose: () => Promise<void>;
}

/**
 * The suite runs again with TEST_DATABASE_URL pointing at PgBouncer in transaction mode (scripts/test.mjs):
 * tests that need a session of their own on the server (a session lock, pg_restore's settings) skip then.
 */
export const throughPgBouncer = (): boolean => process.env.TEST_THROUGH_PGBOUNCER === "1";

/**
 * Providers the integration suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set;
 * PostgreSQL only when the suite runs again with its reads on a replica (lib/testing/replica-reads.ts).
 */
export function testProviders(): DatabaseTarget["provider"][] {
  if (replicaServerUrl() || throughPgBouncer()) return ["postgresql"];
  return process.env.TEST_DATABASE_URL ? ["sqlite", "postgresql"] : ["sqlite"];
}

/** A fresh, migrated SQLite file in a temporary folder. */
export async function createSqliteTarget(): Promise<{ target: DatabaseTarget; dispose: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-test-"));
  const filePath = join(dir, "store.db");
  const target: DatabaseTarget = { provider: "sqlite", url: `file:${filePath}`, filePath };
  await migrateDatabase(target);
  return { target, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, migrated PostgreSQL database on the TEST_DATABASE_URL server, dropped afterwards. */
export async function createPostgresTarget(): Promise<{ target: DatabaseTarget; dispose: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DATABASE_URL is not set");
  const name = `rewind_t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = { provider: "postgresql", url: url.toString() };
  await migrateDatabase(target);
  return {
    target,
    dispose: async () => {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

export async function createTestStore(provider: DatabaseTarget["provider"]): Promise<TestStore> {
  const { target, dispose } = await { sqlite: createSqliteTarget, postgresql: createPostgresTarget }[provider]();
  const primary = openStore(target);
  const replicaServer = provider === "postgresql" ? replicaServerUrl() : null;
  const reads = replicaServer ? withReadsOnReplica(primary, replicaServer) : null;
  return {
    store: reads?.store ?? primary,
    target,
    dispose: async () => {
      await reads?.dispose();
      await primary.db.$disconnect();
      await dispose();
    },
  };
}
