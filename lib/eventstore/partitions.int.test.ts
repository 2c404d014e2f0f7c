import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { detachEventPartitions, listEventPartitions, makeEventPartition } from "../db/event-partitions";
import { openStore } from "../db/prisma";
import { sql } from "../db/sql";
import { isUniqueViolation } from "../db/unique-violation";
import { verifyStore } from "../integrity/verify-store";
import { saveRetentionPolicy } from "../retention/policy-store";
import { purgeRetention } from "../retention/purge";
import { anEvent } from "../testing/event-factory";
import { createTestStore, type TestStore } from "../testing/test-stores";
import { appendEvents } from "./append";
import { DuplicateIdConflictError, WrongExpectedVersionError } from "./errors";
import { readFeed, readStream } from "./read";

// Months far from the test's own "now", so the migration's partitions (this month, the next) are
// not them and each append below has to make its month's partition.
const NOVEMBER = new Date("2030-11-10T12:00:00.000Z");
const LAST_OF_JANUARY = new Date("2031-01-31T23:59:59.999Z");
const FIRST_OF_FEBRUARY = new Date("2031-02-01T00:00:00.000Z");

// PostgreSQL only: SQLite keeps the events in one table (docs/decisions-partitioning.md).
describe.skipIf(!process.env.TEST_DATABASE_URL)("events partitioned by month on postgresql", () => {
  let t: TestStore;
  const stream = "booking/BK-PART";
  const ev = (id: string, n: number, extra: Partial<Parameters<typeof anEvent>[0]> = {}) =>
    anEvent({ id, subject: stream, data: { kind: "json", value: { n } }, ...extra });
  const partitionOf = async (position: number) => {
    const [row] = await t.store.db.$queryRaw<{ p: string }[]>(sql`SELECT tableoid::regclass::text AS "p" FROM "events" WHERE "position" = ${position}`);
    return row?.p;
  };
  /** A row written past the append code, straight into the events table (a second writer that skipped its checks). */
  const rawInsert = (id: string, streamName: string, version: number, recordedAt: Date) =>
    t.store.db.$executeRaw(sql`INSERT INTO "events"
      ("source", "event_id", "stream", "stream_version", "type", "specversion", "occurred_at", "recorded_at", "content_hash")
      VALUES ('test/booking', ${id}, ${streamName}, ${version}, 'booking.test.happened', '1.0',
        ${recordedAt.toISOString()}::timestamp(3), ${recordedAt.toISOString()}::timestamp(3), 'x')`);
  const caught = async (p: Promise<unknown>) => p.then(() => null).catch((error: unknown) => error);

  beforeAll(async () => {
    t = await createTestStore("postgresql");
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("appends across a month boundary into each month's partition, positions in order with no gap, and refuses duplicates across partitions", async () => {
    const november = await appendEvents(
      t.store,
      [anEvent({ id: "old-1", subject: "booking/BK-OLD" }), anEvent({ id: "old-2", subject: "booking/BK-OLD" })],
      NOVEMBER,
    );
    const january = await appendEvents(t.store, [ev("p-1", 1), ev("p-2", 2), ev("p-3", 3)], LAST_OF_JANUARY);
    const february = await appendEvents(t.store, [ev("p-4", 4, { expectedVersion: 3 }), ev("p-5", 5)], FIRST_OF_FEBRUARY);

    for (const r of november) expect(await partitionOf(r.position)).toBe("events_2030_11");
    for (const r of january) expect(await partitionOf(r.position)).toBe("events_2031_01");
    for (const r of february) expect(await partitionOf(r.position)).toBe("events_2031_02");
    // Versions carry on across the boundary; positions are consecutive (the first append of a month made its partition first, losing no value).
    expect([...january, ...february].map((r) => r.streamVersion)).toEqual([1, 2, 3, 4, 5]);
    const positions = [...november, ...january, ...february].map((r) => r.position);
    expect(positions).toEqual(positions.map((_, i) => positions[0]! + i));
    const [counted] = await t.store.db.$queryRaw<{ n: bigint; lo: bigint; hi: bigint }[]>(
      sql`SELECT count(*) AS "n", min("position") AS "lo", max("position") AS "hi" FROM "events"`,
    );
    expect(Number(counted!.n)).toBe(Number(counted!.hi) - Number(counted!.lo) + 1);

    // The January event's id with other content in February: the same refusal as on one table.
    const conflict = await caught(appendEvents(t.store, [ev("p-1", 99)], FIRST_OF_FEBRUARY));
    expect(conflict).toBeInstanceOf(DuplicateIdConflictError);
    expect((conflict as DuplicateIdConflictError).storedPosition).toBe(january[0]!.position);
    // The identical event again, in February: a duplicate answering its January position, nothing written.
    const again = await appendEvents(t.store, [ev("p-2", 2)], FIRST_OF_FEBRUARY);
    expect(again).toEqual([{ position: january[1]!.position, streamVersion: 2, duplicate: true }]);
    const stale = await caught(appendEvents(t.store, [ev("p-6", 6, { expectedVersion: 3 })], FIRST_OF_FEBRUARY));
    expect(stale).toBeInstanceOf(WrongExpectedVersionError);
    expect((stale as WrongExpectedVersionError).currentVersion).toBe(5);

    // The database itself refuses, past the append code: a January (source, id) written into
    // February, and a January (stream, version) likewise, fail as a unique violation on the old constraints.
    const sameId = await caught(rawInsert("p-1", "booking/BK-OTHER", 1, FIRST_OF_FEBRUARY));
    expect(isUniqueViolation(sameId)).toBe(true);
    expect(String((sameId as Error).message) + JSON.stringify(sameId)).toContain("events_source_event_id_key");
    const sameVersion = await caught(rawInsert("p-new", stream, 2, FIRST_OF_FEBRUARY));
    expect(isUniqueViolation(sameVersion)).toBe(true);
    expect(String((sameVersion as Error).message) + JSON.stringify(sameVersion)).toContain("events_stream_stream_version_key");
    // And the other way round: a February key into January.
    expect(isUniqueViolation(await caught(rawInsert("p-5", "booking/BK-OTHER", 1, LAST_OF_JANUARY)))).toBe(true);

    const feed = await readFeed(t.store, { after: 0, limit: 100 });
    expect(feed.map((e) => Number(e.position))).toEqual(positions);
    expect((await readStream(t.store, stream)).map((e) => e.eventId)).toEqual(["p-1", "p-2", "p-3", "p-4", "p-5"]);
    // One key row per event, the same ones (computed the other way: from the events themselves).
    const [keys] = await t.store.db.$queryRaw<{ missing: bigint; extra: bigint }[]>(sql`SELECT
      (SELECT count(*) FROM "events" e WHERE NOT EXISTS (SELECT 1 FROM "event_keys" k WHERE k."position" = e."position"
        AND k."source" = e."source" AND k."event_id" = e."event_id" AND k."stream" = e."stream" AND k."stream_version" = e."stream_version"
        AND k."content_hash" = e."content_hash")) AS "missing",
      (SELECT count(*) FROM "event_keys" k WHERE NOT EXISTS (SELECT 1 FROM "events" e WHERE e."position" = k."position")) AS "extra"`);
    expect([Number(keys!.missing), Number(keys!.extra)]).toEqual([0, 0]);
  });

  it("detaches only the partitions before the month that retention emptied; the rest stays readable and verifies", async () => {
    const monthsBefore = (await listEventPartitions(t.store)).map((p) => p.month);
    expect(monthsBefore).toEqual(expect.arrayContaining(["2030-11", "2031-01", "2031-02"]));
    await expect(detachEventPartitions(t.store, "2031-13")).rejects.toThrow(/not a month/);
    await expect(detachEventPartitions(t.store, "2031-04", new Date("2031-03-10T00:00:00Z"))).rejects.toThrow(/after this month/);

    // Nothing purged yet: November still holds its two events and is kept, named with its count.
    const early = await detachEventPartitions(t.store, "2030-12", new Date("2031-03-10T00:00:00Z"));
    expect(early.kept).toEqual([{ name: "events_2030_11", events: 2 }]);

    await saveRetentionPolicy(t.store, { rules: [], defaultKeepDays: 30 }, "test");
    const purge = await purgeRetention(t.store, { now: new Date("2031-01-01T00:00:00Z"), dir: mkdtempSync(join(tmpdir(), "rewind-archive-")) });
    expect(purge.count).toBe(2);
    // Their keys went with them: the November ids may be appended again, as on one table.
    const [left] = await t.store.db.$queryRaw<{ n: bigint }[]>(sql`SELECT count(*) AS "n" FROM "event_keys" WHERE "event_id" LIKE 'old-%'`);
    expect(Number(left!.n)).toBe(0);

    const result = await detachEventPartitions(t.store, "2031-02", new Date("2031-03-10T00:00:00Z"));
    expect(result.detached).toContain("events_2030_11");
    expect(result.kept).toEqual([{ name: "events_2031_01", events: 3 }]);
    const after = await listEventPartitions(t.store);
    expect(after.map((p) => p.month)).not.toContain("2030-11");
    expect(after.find((p) => p.month === "2031-02")?.events).toBe(2);
    const [gone] = await t.store.db.$queryRaw<{ r: string | null }[]>(sql`SELECT to_regclass('"events_2030_11"')::text AS "r"`);
    expect(gone!.r).toBeNull();

    expect((await readStream(t.store, stream)).map((e) => e.eventId)).toEqual(["p-1", "p-2", "p-3", "p-4", "p-5"]);
    const verification = await verifyStore(t.store);
    expect(verification.problems).toEqual([]);
    expect([verification.checked, verification.purged]).toEqual([5, 2]);
    // An append after the detach still lands in its month.
    const [late] = await appendEvents(t.store, [ev("p-7", 7)], FIRST_OF_FEBRUARY);
    expect(await partitionOf(late!.position)).toBe("events_2031_02");
  });
  it("four clients appending at once into a month with no partition yet: one makes it, every append lands, in order", async () => {
    const MARCH = new Date("2031-03-15T08:00:00.000Z");
    // Clients of their own: none of them has seen March.
    const clients = [0, 1, 2, 3].map(() => openStore(t.target));
    try {
      const results = await Promise.all(
        clients.map((store, c) =>
          appendEvents(
            store,
            [1, 2, 3].map((i) => anEvent({ id: `m-${c}-${i}`, subject: `booking/BK-M${c}` })),
            MARCH,
          ),
        ),
      );
      const positions = results.flat().map((r) => r.position);
      for (const p of positions) expect(await partitionOf(p)).toBe("events_2031_03");
      // Each append's three positions are consecutive (one append at a time, under the append lock), none shared.
      for (const r of results) expect(r.map((x) => x.position)).toEqual([0, 1, 2].map((i) => r[0]!.position + i));
      expect(new Set(positions).size).toBe(12);
    } finally {
      for (const store of clients) await store.db.$disconnect();
    }
  });

  it("making a month's partition waits for no running read nor append", async () => {
    const reader = new pg.Client({ connectionString: t.target.url });
    const maker = new pg.Client({ connectionString: t.target.url });
    await reader.connect();
    await maker.connect();
    try {
      // An open transaction that has read the events and appended one (ACCESS SHARE and ROW EXCLUSIVE, held to its end).
      await reader.query("BEGIN");
      await reader.query(`SELECT count(*) FROM "events"`);
      await reader.query(`INSERT INTO "events" ("source", "event_id", "stream", "stream_version", "type", "specversion", "occurred_at", "recorded_at",
        "content_hash") VALUES ('test/booking', 'held', 'booking/BK-HELD', 1, 't', '1.0', '2031-02-02', '2031-02-02', 'x')`);
      // Were the making to wait for that transaction, it would give up after a second.
      await maker.query("SET lock_timeout = '1s'");
      const made = await maker.query(`SELECT "events_partition_for"('2031-05-05') AS name`);
      expect(made.rows[0].name).toBe("events_2031_05");
      await reader.query("ROLLBACK");
    } finally {
      await reader.end();
      await maker.end();
    }
    // Made whole: its indexes and triggers are the events' own.
    const [attached] = await t.store.db.$queryRaw<{ indexes: bigint; triggers: bigint }[]>(sql`SELECT
      (SELECT count(*) FROM pg_indexes WHERE tablename = 'events_2031_05') AS "indexes",
      (SELECT count(*) FROM pg_trigger WHERE tgrelid = '"events_2031_05"'::regclass AND NOT tgisinternal) AS "triggers"`);
    const [parent] = await t.store.db.$queryRaw<{ indexes: bigint }[]>(sql`SELECT count(*) AS "indexes" FROM pg_indexes WHERE tablename = 'events'`);
    expect(Number(attached!.indexes)).toBe(Number(parent!.indexes));
    expect(Number(attached!.triggers)).toBe(1);
    expect(await makeEventPartition(t.store, new Date("2031-05-20T00:00:00Z"))).toBe("events_2031_05");
  });

  // Last: the rewrite below has no erasure record vouching for it, so verify would name it.
  it("an erasure's rewrite of an event's id and stream (through the guard's window) moves its keys with it", async () => {
    const [e] = await appendEvents(t.store, [anEvent({ id: "to-erase", subject: "booking/BK-ERASE" })], LAST_OF_JANUARY);
    await expect(t.store.db.$executeRaw(sql`UPDATE "events" SET "event_id" = 'x' WHERE "position" = ${e!.position}`)).rejects.toThrow(/append-only/);
    await t.store.db.$transaction([
      t.store.db.$executeRaw(sql`INSERT INTO "erasure_window" ("id", "record") VALUES (1, 0)`),
      t.store.db.$executeRaw(sql`UPDATE "events" SET "event_id" = 'erased-1', "stream" = 'erased/s' WHERE "position" = ${e!.position}`),
      t.store.db.$executeRaw(sql`DELETE FROM "erasure_window"`),
    ]);
    const keys = await t.store.db.$queryRaw<{ event_id: string; stream: string }[]>(
      sql`SELECT "event_id", "stream" FROM "event_keys" WHERE "position" = ${e!.position}`,
    );
    expect(keys).toEqual([{ event_id: "erased-1", stream: "erased/s" }]);
    // The old id is free again, the new one taken, as on one table.
    expect(isUniqueViolation(await caught(rawInsert("erased-1", "booking/BK-OTHER-2", 1, FIRST_OF_FEBRUARY)))).toBe(true);
    const [reused] = await appendEvents(t.store, [anEvent({ id: "to-erase", subject: "booking/BK-ERASE" })], FIRST_OF_FEBRUARY);
    expect(reused!.duplicate).toBe(false);
  });
});
