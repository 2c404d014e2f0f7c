import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import { migrateDatabase } from "../db/migrate";
import { openStore, type Store } from "../db/prisma";
import { importRecords } from "../importer/import-events";
import { catchUp } from "../sessions/projector";
import { simulateWorld } from "../simulate/world";
import { anEvent } from "../testing/event-factory";
import { createTestStore, throughPgBouncer, type TestStore } from "../testing/test-stores";
import { currentDigest, verifyStore } from "./verify-store";

/**
 * The backup docs/deploy.md prescribes, done once for real: `pg_dump -Fc` of a live store,
 * `pg_restore` into an empty database, then `integrity verify` against the digest kept before the
 * dump. The restored store must verify, hold the same events and read models, and append after
 * its last position.
 */
const PG_BIN = "/usr/lib/postgresql/15/bin";
const tool = (name: string) => (existsSync(join(PG_BIN, name)) ? join(PG_BIN, name) : name);
// Not through PgBouncer: pg_restore sets search_path for its session, which transaction pooling
// would hand on to the next client of that server connection (docs/deploy.md says to restore directly).
const runnable = Boolean(process.env.TEST_DATABASE_URL) && !process.env.TEST_READS_ON_REPLICA && !throughPgBouncer();
if (!process.env.TEST_DATABASE_URL) console.log("TEST_DATABASE_URL is not set: the pg_dump / pg_restore test is skipped.");

async function* records(events: readonly Record<string, unknown>[]) {
  let line = 0;
  for (const event of events) yield { line: ++line, value: event };
}

describe.skipIf(!runnable)("a PostgreSQL backup with pg_dump, restored with pg_restore", () => {
  let live: TestStore;
  let restored: Store;
  let restoredName: string;
  let dir: string;
  beforeAll(async () => {
    live = await createTestStore("postgresql");
    dir = mkdtempSync(join(tmpdir(), "rewind-backup-"));
  });
  afterAll(async () => {
    await restored?.db.$disconnect();
    await live?.dispose();
    if (restoredName) {
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
      await admin.end();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("restores a store that verifies against the digest kept before the dump, with the same events and read models, and appends after them", async () => {
    const world = simulateWorld({ users: 8, days: 3, seed: "backup", start: new Date("2026-03-01T00:00:00Z") }).map((w) => w.event);
    expect((await importRecords(live.store, records(world))).refusedCount).toBe(0);
    await catchUp(live.store);
    const kept = await currentDigest(live.store);
    expect(kept).not.toBeNull();
    const events = await live.store.db.storedEvent.findMany({ orderBy: { position: "asc" } });
    const sessions = await live.store.db.session.findMany({ orderBy: { id: "asc" } });
    expect(sessions.length).toBeGreaterThan(0);

    const file = join(dir, "rewind.dump");
    execFileSync(tool("pg_dump"), ["--format=custom", `--file=${file}`, live.target.url]);
    const server = new URL(process.env.TEST_DATABASE_URL!);
    restoredName = `${new URL(live.target.url).pathname.slice(1)}_restored`;
    const admin = new pg.Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${restoredName}"`);
    await admin.end();
    server.pathname = `/${restoredName}`;
    execFileSync(tool("pg_restore"), ["--no-owner", "--exit-on-error", `--dbname=${server.toString()}`, file]);
    const target = { provider: "postgresql" as const, url: server.toString() };
    // Every migration is recorded as applied: the runner has nothing to do.
    expect(await migrateDatabase(target)).toEqual([]);
    restored = openStore(target);

    const verification = await verifyStore(restored, { digest: kept });
    expect(verification.problems).toEqual([]);
    expect(verification.digestMatched).toBe(true);
    expect(verification.checked).toBe(events.length);
    expect(await restored.db.storedEvent.findMany({ orderBy: { position: "asc" } })).toEqual(events);
    expect(await restored.db.session.findMany({ orderBy: { id: "asc" } })).toEqual(sessions);
    // The position sequence came back with it: the next append follows the last event, and still chains.
    const [next] = await appendEvents(restored, [anEvent({ id: "after-restore", subject: "backup/after" })]);
    expect(next!.position).toBe(Number(events.at(-1)!.position) + 1);
    expect((await verifyStore(restored, { digest: kept })).problems).toEqual([]);
    // And the store is still append-only: the restore brought the triggers back.
    await expect(restored.db.$executeRawUnsafe(`UPDATE "events" SET "type" = 'x' WHERE "position" = 1`)).rejects.toThrow(/append-only/);
  });
});
