import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "./migrate";
import { createPostgresTarget } from "../testing/test-stores";
import type { DatabaseTarget } from "./database-url";

const ROWS = `SELECT "position", "source", "event_id", "stream", "stream_version", "subject", "type", "specversion", "time", "occurred_at",
  "recorded_at", "userid", "anonymousid", "sessionid", "correlationid", "causationid", "datacontenttype", "dataschema", "data_json",
  "data_text", "data_base64", "extensions", "content_hash", "chain_hash" FROM "events" ORDER BY "position"`;

/** Every index on the events and their partitions' parent, and every trigger: by name. */
const INDEXES = `SELECT indexname FROM pg_indexes WHERE tablename = 'events' ORDER BY 1`;
const TRIGGERS = `SELECT tgname FROM pg_trigger WHERE tgrelid = '"events"'::regclass AND NOT tgisinternal ORDER BY 1`;

// PostgreSQL only: SQLite keeps the events in one table (its 0040 is empty).
describe.skipIf(!process.env.TEST_DATABASE_URL)("migration 0040 converts a PostgreSQL store in place", () => {
  let target: DatabaseTarget;
  let dispose: () => Promise<void>;
  let db: pg.Client;
  let before: Record<string, unknown>[];
  const root = mkdtempSync(join(tmpdir(), "rewind-before-0040-"));

  beforeAll(async () => {
    // A store as the migrations before 0040 leave it: created, then migrated only so far.
    ({ target, dispose } = await createPostgresTarget());
    db = new pg.Client({ connectionString: target.url! });
    await db.connect();
    // createPostgresTarget migrated it fully; start again from a schema of the earlier migrations.
    await db.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public`);
    const dir = join(root, "prisma", "migrations", "postgresql");
    cpSync(join(process.cwd(), "prisma", "migrations", "postgresql"), dir, { recursive: true });
    for (const f of readdirSync(dir)) if (f >= "0040") rmSync(join(dir, f));
    await migrateDatabase(target, root);
    // Two months of events, two streams, one version reused nowhere; a chain hash on some; a rolled-back position.
    await db.query(`INSERT INTO "events" ("source", "event_id", "stream", "stream_version", "type", "specversion", "occurred_at", "recorded_at",
        "userid", "data_json", "content_hash", "chain_hash")
      SELECT 'src', 'e' || g, 's' || (g % 2), (g + 1) / 2, 't', '1.0', timestamp '2025-03-01' + g * interval '1 day',
        timestamp '2025-03-20' + g * interval '1 day', 'u' || (g % 3), jsonb_build_object('g', g), 'h' || g, CASE WHEN g > 5 THEN 'c' || g END
      FROM generate_series(1, 20) g`);
    await db.query("BEGIN");
    await db.query(`INSERT INTO "events" ("source", "event_id", "stream", "stream_version", "type", "specversion", "occurred_at", "recorded_at", "content_hash")
      VALUES ('src', 'rolled-back', 's9', 1, 't', '1.0', now(), now(), 'h')`);
    await db.query("ROLLBACK");
    before = (await db.query(ROWS)).rows;
    await migrateDatabase(target);
  });
  afterAll(async () => {
    await db?.end();
    await dispose?.();
    rmSync(root, { recursive: true, force: true });
  });

  it("keeps every row with its position, the sequence's next value, the indexes, the guard, and fills the keys", async () => {
    expect((await db.query(ROWS)).rows).toEqual(before);
    const months = (await db.query(`SELECT tableoid::regclass::text AS p, count(*)::int AS n FROM "events" GROUP BY 1 ORDER BY 1`)).rows;
    // 20 days from 2025-03-21: eleven in March, nine in April.
    expect(months).toEqual([
      { p: "events_2025_03", n: 11 },
      { p: "events_2025_04", n: 9 },
    ]);
    // 20 rows and one rolled-back value: the next position is 22, as it would have been on the old table.
    const next = await db.query(`SELECT nextval('"events_position_seq"')::int AS n`);
    expect(next.rows[0].n).toBe(22);
    expect((await db.query(`SELECT pg_get_serial_sequence('"events"', 'position') AS s`)).rows[0].s).toBe("public.events_position_seq");
    expect((await db.query(INDEXES)).rows.map((r) => r.indexname)).toEqual([
      "events_anonymousid_idx",
      "events_correlationid_idx",
      "events_occurred_at_idx",
      "events_position_idx",
      "events_stream_stream_version_idx",
      "events_type_occurred_at_idx",
      "events_userid_occurred_at_idx",
    ]);
    expect((await db.query(TRIGGERS)).rows.map((r) => r.tgname)).toEqual([
      "events_keys_delete",
      "events_keys_insert",
      "events_keys_update",
      "events_no_update",
    ]);
    await expect(db.query(`UPDATE "events" SET "userid" = 'x' WHERE "position" = 3`)).rejects.toThrow(/append-only/);
    const keys = await db.query(
      `SELECT "position"::int AS position, "source", "event_id", "stream", "stream_version", "content_hash" FROM "event_keys" ORDER BY 1`,
    );
    expect(keys.rows).toEqual(
      before.map((r) => ({
        position: Number(r.position),
        source: r.source,
        event_id: r.event_id,
        stream: r.stream,
        stream_version: r.stream_version,
        content_hash: r.content_hash,
      })),
    );
    expect((await db.query(`SELECT to_regclass('"events_before_0040"') AS r`)).rows[0].r).toBeNull();
  });
});
