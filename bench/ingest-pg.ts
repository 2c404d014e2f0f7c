import pg from "pg";
import { openStore } from "../lib/db/prisma";
import { appendEvents } from "../lib/eventstore/append";
import { contentHash } from "../lib/eventstore/canonical";
import { type IncomingEvent, streamOf } from "../lib/ingest/cloud-event";
import { validateBatch } from "../lib/ingest/parse-request";
import { simulateWorld } from "../lib/simulate/world";
import { createPostgresTarget } from "../lib/testing/test-stores";
import { startBenchServer } from "./server";
import { fmt, median } from "./stats";

const ROUNDS = 5;
const PER_ROUND = 20_000;
const BATCH = 5_000;
const MONTH_EVENTS = 500;

// The plain table the raw side writes: 0001's columns and indexes, one table, no partitions, no triggers.
const RAW_TABLE = `CREATE TABLE "raw_events" (
  "position" BIGSERIAL PRIMARY KEY, "source" TEXT NOT NULL, "event_id" TEXT NOT NULL, "stream" TEXT NOT NULL,
  "stream_version" INTEGER NOT NULL, "type" TEXT NOT NULL, "occurred_at" TIMESTAMP(3) NOT NULL, "recorded_at" TIMESTAMP(3) NOT NULL,
  "userid" TEXT, "anonymousid" TEXT, "correlationid" TEXT, "data_json" JSONB, "content_hash" TEXT NOT NULL);
CREATE UNIQUE INDEX ON "raw_events"("source", "event_id");
CREATE UNIQUE INDEX ON "raw_events"("stream", "stream_version");
CREATE INDEX ON "raw_events"("userid", "occurred_at");
CREATE INDEX ON "raw_events"("type", "occurred_at");
CREATE INDEX ON "raw_events"("correlationid");
CREATE INDEX ON "raw_events"("anonymousid");
CREATE INDEX ON "raw_events"("occurred_at");`;

const KEYS = [
  "source",
  "event_id",
  "stream",
  "stream_version",
  "type",
  "occurred_at",
  "recorded_at",
  "userid",
  "anonymousid",
  "correlationid",
  "data_json",
  "content_hash",
];

const RAW_INSERT = `INSERT INTO "raw_events" ("source","event_id","stream","stream_version","type","occurred_at","recorded_at",
  "userid","anonymousid","correlationid","data_json","content_hash")
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("source" text, "event_id" text, "stream" text, "stream_version" integer, "type" text,
  "occurred_at" timestamp, "recorded_at" timestamp, "userid" text, "anonymousid" text, "correlationid" text, "data_json" jsonb, "content_hash" text)`;

/** The raw side's rows for validated events, each stream's versions counted on from the rows made before. */
function rawRowMaker() {
  const versions = new Map<string, number>();
  return (slice: readonly IncomingEvent[], recordedAt: string) =>
    slice.map((e) => {
      const stream = streamOf(e);
      const version = (versions.get(stream) ?? 0) + 1;
      versions.set(stream, version);
      const data = e.data?.kind === "json" ? e.data.value : null;
      const values = [e.source, e.id, stream, version, e.type, e.time ? e.time.toISOString() : recordedAt, recordedAt, e.userid, e.anonymousid];
      return Object.fromEntries([...values, e.correlationid, data, contentHash(e)].map((v, k) => [KEYS[k], v]));
    });
}

/**
 * PostgreSQL ingest at the store's door (TEST_DATABASE_URL): appendEvents in batches of 5,000 (the
 * append lock, the reads, the hash chain, the insert and whatever the events table's triggers do)
 * against one raw multi-row INSERT per batch of the same rows into a plain table with the store's
 * indexes. No HTTP server: the request's parsing is the same whatever the table, and this measures
 * what the table costs (docs/decisions-partitioning.md).
 */
export async function benchIngestPg(args: string[] = []): Promise<void> {
  // --months N: first N earlier months of 500 events each on both sides (N partitions on a partitioned store).
  const at = args.indexOf("--months");
  const months = at >= 0 ? Number(args[at + 1]) || 0 : 0;
  if (!process.env.TEST_DATABASE_URL) throw new Error("ingest-pg needs TEST_DATABASE_URL (a PostgreSQL server where it may create a database)");
  const { target, dispose } = await createPostgresTarget();
  const store = openStore(target);
  const raw = new pg.Client({ connectionString: target.url });
  await raw.connect();
  await raw.query(RAW_TABLE);

  const world = simulateWorld({ users: 6_500, days: 30, seed: "bench", start: new Date("2026-06-01T00:00:00Z") });
  const seen = new Set<string>();
  const unique = world.map((w) => w.event).filter((e) => !seen.has(e.id) && seen.add(e.id));
  const events = validateBatch(unique, { maxBodyBytes: Infinity, maxEventsPerRequest: Infinity });
  const prefill = months * MONTH_EVENTS;
  const needed = ROUNDS * PER_ROUND * 2 + prefill;
  if (events.length < needed) throw new Error(`bench world too small: ${events.length} < ${needed}`);
  console.log(`ingest-pg bench: ${ROUNDS} rounds × ${fmt(PER_ROUND)} events per side, batches of ${fmt(BATCH)}, ${months} earlier month(s)`);

  const rates = { append: [] as number[], raw: [] as number[], ratio: [] as number[] };
  const rawRows = rawRowMaker();
  try {
    let offset = 0;
    for (let m = months; m >= 1; m--) {
      const month = new Date(Date.UTC(2026, 5 - m, 10));
      const slice = events.slice(offset, offset + MONTH_EVENTS);
      await appendEvents(store, slice, month);
      await raw.query(RAW_INSERT, [JSON.stringify(rawRows(slice, month.toISOString()))]);
      offset += MONTH_EVENTS;
    }
    for (let round = 0; round < ROUNDS; round++) {
      const a = events.slice(offset, offset + PER_ROUND);
      const b = events.slice(offset + PER_ROUND, offset + 2 * PER_ROUND);
      offset += 2 * PER_ROUND;
      let started = performance.now();
      for (let i = 0; i < a.length; i += BATCH) await appendEvents(store, a.slice(i, i + BATCH));
      const rAppend = a.length / ((performance.now() - started) / 1000);
      const rows = rawRows(b, new Date().toISOString());
      const batches: string[] = [];
      for (let i = 0; i < rows.length; i += BATCH) batches.push(JSON.stringify(rows.slice(i, i + BATCH)));
      started = performance.now();
      for (const json of batches) await raw.query(RAW_INSERT, [json]);
      const rRaw = rows.length / ((performance.now() - started) / 1000);
      rates.append.push(rAppend);
      rates.raw.push(rRaw);
      rates.ratio.push(rAppend / rRaw);
      console.log(`  round ${round + 1}: append ${fmt(rAppend)} ev/s · raw ${fmt(rRaw)} ev/s · ratio ${fmt(rAppend / rRaw, 3)}`);
    }
    console.log(`median append (batch ${BATCH}): ${fmt(median(rates.append))} events/s`);
    console.log(`median raw insert:           ${fmt(median(rates.raw))} events/s`);
    console.log(`ratio append/raw postgresql: ${median(rates.ratio).toFixed(3)}`);
  } finally {
    await raw.end();
    await store.db.$disconnect();
    await dispose();
  }
}

/**
 * PostgreSQL's side of `bench -- ingest`: a production server on a fresh database, and a raw
 * multi-row INSERT through `pg` of the same rows into a plain table with the store's indexes in
 * another fresh database (so the two tables grow alike and neither side's writes slow the other's reads).
 */
export async function startPostgresSide(key: string) {
  const http = await createPostgresTarget();
  const rawTarget = await createPostgresTarget();
  const server = await startBenchServer({ DATABASE_URL: http.target.url, REWIND_INGEST_KEY: key, REWIND_PROJECTOR: "off" }, 3197);
  const raw = new pg.Client({ connectionString: rawTarget.target.url });
  await raw.connect();
  await raw.query(RAW_TABLE);
  const rawRows = rawRowMaker();
  return {
    server,
    /** events/s of the raw insert of `slice` (validated and hashed before the clock starts, as the SQLite raw side). */
    async rawRate(slice: readonly unknown[]): Promise<number> {
      const rows = rawRows(validateBatch([...slice], { maxBodyBytes: Infinity, maxEventsPerRequest: Infinity }), new Date().toISOString());
      const batches: string[] = [];
      for (let i = 0; i < rows.length; i += BATCH) batches.push(JSON.stringify(rows.slice(i, i + BATCH)));
      const started = performance.now();
      for (const json of batches) await raw.query(RAW_INSERT, [json]);
      return rows.length / ((performance.now() - started) / 1000);
    },
    async dispose(): Promise<void> {
      await server.stop();
      await raw.end();
      await http.dispose();
      await rawTarget.dispose();
    },
  };
}
