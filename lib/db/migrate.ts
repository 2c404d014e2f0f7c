import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { BUILT_IN_FOLDS } from "../journeys/built-in-folds";
import type { DatabaseTarget } from "./database-url";

// The migration runner: the plain-SQL files in prisma/migrations/<provider>/, applied in file-name
// order, each once, recorded with its checksum; a file changed after it was applied is refused.
// Ours because Prisma's migrate needs a schema engine it downloads at run time
// (docs/decisions.md, "Plain-SQL migrations, not Prisma migrate").

/** One migration file: its name, its SQL, and the SHA-256 of the SQL that is recorded when applied. */
export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function loadMigrations(provider: DatabaseTarget["provider"], root = process.cwd()): Migration[] {
  const dir = join(root, "prisma", "migrations", provider);
  return readdirSync(dir)
    .filter((file) => file.endsWith(".sql"))
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export class ChangedMigrationError extends Error {
  constructor(name: string) {
    super(`migration ${name} was changed after it was applied; add a new migration instead`);
  }
}

function checkApplied(migration: Migration, appliedChecksum: string | undefined): boolean {
  if (appliedChecksum === undefined) return false;
  if (appliedChecksum !== migration.checksum) throw new ChangedMigrationError(migration.name);
  return true;
}

/**
 * A live generation that has folded nothing in a store that holds nothing (a new store) was folded
 * by no fold at all: it takes this code's built-in fold versions, so a new store does not start by
 * folding its nothing again as a release. Any other store keeps the versions it was folded with,
 * and the server's start re-folds it when they are not this code's (lib/sessions/generations/release.ts).
 */
const STAMP_NEW_STORE = (patch: string) => `UPDATE "journey_generations" SET "definitions" = ${patch}
  WHERE "state" = 'live' AND "position" = 0 AND NOT EXISTS (SELECT 1 FROM "events")`;

const codeFoldVersions = () => JSON.stringify(Object.fromEntries(BUILT_IN_FOLDS.map((f) => [f.key, f.version])));

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS "_rewind_migrations" (
  "name" TEXT NOT NULL PRIMARY KEY, "checksum" TEXT NOT NULL, "applied_at" TEXT NOT NULL)`;

function migrateSqlite(filePath: string, migrations: Migration[]): string[] {
  mkdirSync(dirname(filePath), { recursive: true });
  const db = new Database(filePath, { timeout: 30_000 });
  try {
    // WAL lets readers run beside the single writer; it is a property of the file, set once here.
    db.pragma("journal_mode = WAL");
    db.exec(CREATE_LEDGER);
    const applied: string[] = [];
    // IMMEDIATE takes the write lock up front, so two processes starting at once apply each
    // migration exactly once.
    db.transaction(() => {
      const rows = db.prepare(`SELECT name, checksum FROM "_rewind_migrations"`).all() as {
        name: string;
        checksum: string;
      }[];
      const done = new Map(rows.map((r) => [r.name, r.checksum]));
      const record = db.prepare(`INSERT INTO "_rewind_migrations" VALUES (?, ?, ?)`);
      for (const migration of migrations) {
        if (checkApplied(migration, done.get(migration.name))) continue;
        db.exec(migration.sql);
        record.run(migration.name, migration.checksum, new Date().toISOString());
        applied.push(migration.name);
      }
      db.prepare(STAMP_NEW_STORE(`json_patch("definitions", ?)`)).run(codeFoldVersions());
    }).immediate();
    return applied;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    // One migrator at a time across processes; released at COMMIT/ROLLBACK.
    await client.query("SELECT pg_advisory_xact_lock(727001)");
    await client.query(CREATE_LEDGER);
    const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT name, checksum FROM "_rewind_migrations"`);
    const done = new Map(rows.map((r) => [r.name, r.checksum]));
    const applied: string[] = [];
    for (const migration of migrations) {
      if (checkApplied(migration, done.get(migration.name))) continue;
      await client.query(migration.sql);
      await client.query(`INSERT INTO "_rewind_migrations" VALUES ($1, $2, $3)`, [migration.name, migration.checksum, new Date().toISOString()]);
      applied.push(migration.name);
    }
    await client.query(STAMP_NEW_STORE(`"definitions" || $1::jsonb`), [codeFoldVersions()]);
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/** Brings the database up to date; answers the names of the migrations it applied. */
export async function migrateDatabase(target: DatabaseTarget, root = process.cwd()): Promise<string[]> {
  const migrations = loadMigrations(target.provider, root);
  return target.provider === "sqlite" ? migrateSqlite(target.filePath, migrations) : migratePostgres(target.url, migrations);
}
