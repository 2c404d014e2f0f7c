import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { loadMigrations, migrateDatabase } from "../lib/db/migrate";
import { contentHash } from "../lib/eventstore/canonical";
import { validateBatch } from "../lib/ingest/parse-request";
import { simulateWorld } from "../lib/simulate/world";
import { startPostgresSide } from "./ingest-pg";
import { lagWorld, sustainedLag } from "./ingest-lag";
import { startBenchServer } from "./server";
import { fmt, median } from "./stats";

const ROUNDS = 5;
const PER_ROUND = 20_000;
const KEY = "bench-producer-key";

/**
 * HTTP batch ingest (batches of 500 and 5,000) against a raw better-sqlite3 prepared-statement
 * insert of the same rows into a table with the store's indexes; the same with the projector on;
 * and, with TEST_DATABASE_URL, HTTP ingest into PostgreSQL against a raw multi-row INSERT through
 * `pg` (bench/ingest-pg.ts). Rounds interleave the sides, so machine noise hits them alike; each
 * round appends fresh events, so the tables grow alike. Then a minute of ingest at half the
 * projector-on rate, and how long each batch waits to be folded (bench/ingest-lag.ts).
 */
export async function benchIngest(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-ingest-"));
  const httpDb = `file:${join(dir, "http.db")}`;
  await migrateDatabase(parseDatabaseUrl(httpDb));
  const projectedDb = `file:${join(dir, "projected.db")}`;
  await migrateDatabase(parseDatabaseUrl(projectedDb));
  const raw = new Database(join(dir, "raw.db"));
  raw.pragma("journal_mode = WAL");
  for (const m of loadMigrations("sqlite")) raw.exec(m.sql);

  // Unique events: one big world, de-duplicated (the simulator re-delivers some on purpose).
  const world = simulateWorld({ users: 6_500, days: 30, seed: "bench", start: new Date("2026-06-01T00:00:00Z") });
  const seen = new Set<string>();
  const events = world
    .map((w) => w.event)
    .filter((e) => {
      if (seen.has(e.id)) return false;
      seen.add(e.id);
      return true;
    });
  const needed = ROUNDS * PER_ROUND * 2;
  if (events.length < needed) throw new Error(`bench world too small: ${events.length} < ${needed}`);
  console.log(`ingest bench: ${ROUNDS} rounds × ${fmt(PER_ROUND)} events per side, ${fmt(events.length)} events generated`);

  // `ratio http/raw` is ingest on its own: the session projector is off on this server, since it
  // would fold these events on the same two cores meanwhile; `ratio http/raw projector` has it on.
  const server = await startBenchServer({ DATABASE_URL: httpDb, REWIND_INGEST_KEY: KEY, REWIND_PROJECTOR: "off" });
  const insert = raw.prepare(
    `INSERT INTO "events" ("source","event_id","stream","stream_version","subject","type","specversion","time",` +
      `"occurred_at","recorded_at","userid","anonymousid","sessionid","correlationid","causationid","datacontenttype",` +
      `"dataschema","data_json","data_text","data_base64","extensions","content_hash") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const insertMany = raw.transaction((rows: unknown[][]) => {
    for (const row of rows) insert.run(row);
  });

  const post = async (batch: unknown[], url = server.url) => {
    const res = await fetch(`${url}/api/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${KEY}`, "content-type": "application/cloudevents-batch+json" },
      body: JSON.stringify(batch),
    });
    if (res.status !== 200) throw new Error(`ingest refused: ${res.status} ${await res.text()}`);
    return (await res.json()) as { results: { position: number }[] };
  };
  const httpRate = async (slice: unknown[], size: number, url = server.url) => {
    const started = performance.now();
    for (let i = 0; i < slice.length; i += size) await post(slice.slice(i, i + size), url);
    return slice.length / ((performance.now() - started) / 1000);
  };
  // The same ingest with the session projector on, folding beside it on the same two cores (a store of its own).
  const projected = await startBenchServer({ DATABASE_URL: projectedDb, REWIND_INGEST_KEY: KEY }, 3198);
  const postgres = process.env.TEST_DATABASE_URL ? await startPostgresSide(KEY) : null;
  if (!postgres) console.log("TEST_DATABASE_URL is not set: the PostgreSQL side (ratio http/raw postgresql) is not measured.");

  const rates = {
    http500: [] as number[],
    http5000: [] as number[],
    raw: [] as number[],
    ratio: [] as number[],
    projected: [] as number[],
    projectedRatio: [] as number[],
  };
  const pgRates = { http: [] as number[], raw: [] as number[], ratio: [] as number[] };
  try {
    // Warm-up: the servers' first requests compile and connect.
    await post(events.slice(needed, needed + 500) as unknown[]);
    await post(events.slice(needed, needed + 500) as unknown[], projected.url);
    if (postgres) await post(events.slice(needed, needed + 500) as unknown[], postgres.server.url);
    let offset = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const a = events.slice(offset, offset + PER_ROUND);
      const b = events.slice(offset + PER_ROUND, offset + 2 * PER_ROUND);
      offset += 2 * PER_ROUND;
      const r500 = await httpRate(a, 500);
      const r5000 = await httpRate(b, 5_000);
      // The raw side gets the very rows the store would write, prepared before the clock starts.
      const rows = validateBatch(b, { maxBodyBytes: Infinity, maxEventsPerRequest: Infinity }).map((e, i) => {
        const now = new Date().toISOString().replace("Z", "+00:00");
        const time = e.time ? e.time.toISOString().replace("Z", "+00:00") : null;
        return [
          e.source,
          e.id,
          e.subject ?? e.source,
          round * PER_ROUND + i + 1,
          e.subject,
          e.type,
          "1.0",
          time,
          time ?? now,
          now,
          e.userid,
          e.anonymousid,
          e.sessionid,
          e.correlationid,
          e.causationid,
          e.datacontenttype,
          e.dataschema,
          e.data?.kind === "json" ? JSON.stringify(e.data.value) : null,
          null,
          null,
          null,
          contentHash(e),
        ];
      });
      const started = performance.now();
      for (let i = 0; i < rows.length; i += 5_000) insertMany(rows.slice(i, i + 5_000));
      const rRaw = rows.length / ((performance.now() - started) / 1000);
      rates.http500.push(r500);
      rates.http5000.push(r5000);
      rates.raw.push(rRaw);
      rates.ratio.push(r5000 / rRaw);
      // The same rows again, into stores of their own: the projector-on server, then PostgreSQL's two sides.
      const rProjected = await httpRate(b, 5_000, projected.url);
      rates.projected.push(rProjected);
      rates.projectedRatio.push(rProjected / rRaw);
      let pgLine = "";
      if (postgres) {
        const rPgHttp = await httpRate(b, 5_000, postgres.server.url);
        const rPgRaw = await postgres.rawRate(b);
        pgRates.http.push(rPgHttp);
        pgRates.raw.push(rPgRaw);
        pgRates.ratio.push(rPgHttp / rPgRaw);
        pgLine = ` · postgresql http ${fmt(rPgHttp)} raw ${fmt(rPgRaw)} ratio ${fmt(rPgHttp / rPgRaw, 3)}`;
      }
      console.log(
        `  round ${round + 1}: http/500 ${fmt(r500)} ev/s · http/5000 ${fmt(r5000)} ev/s · raw ${fmt(rRaw)} ev/s · ratio ${fmt(r5000 / rRaw, 3)}` +
          ` · projector on ${fmt(rProjected)} ev/s${pgLine}`,
      );
    }
    console.log(`median http batch 500:  ${fmt(median(rates.http500))} events/s`);
    console.log(`median http batch 5000: ${fmt(median(rates.http5000))} events/s`);
    console.log(`median raw insert:      ${fmt(median(rates.raw))} events/s`);
    console.log(`median http batch 5000, projector on: ${fmt(median(rates.projected))} events/s`);
    if (postgres) {
      console.log(`median postgresql http batch 5000: ${fmt(median(pgRates.http))} events/s`);
      console.log(`median postgresql raw multi-row INSERT: ${fmt(median(pgRates.raw))} events/s`);
    }
    console.log(`server peak memory: ${fmt(server.peakMemoryMb())} MB`);
    console.log(`ratio http/raw: ${median(rates.ratio).toFixed(3)}`);
    console.log(`ratio http/raw projector: ${median(rates.projectedRatio).toFixed(3)}`);
    if (postgres) console.log(`ratio http/raw postgresql: ${median(pgRates.ratio).toFixed(3)}`);
    // Sustained: half the projector-on rate for a minute, and how long each batch waits to be folded.
    const lag = await sustainedLag(projected.url, lagWorld(), median(rates.projected) / 2, post);
    console.log(`sustained ingest at ${fmt(lag.rate)} events/s for ${lag.seconds} s: ${fmt(lag.batches)} batches, lag median ${lag.median.toFixed(2)} s`);
    console.log(`projector lag p99 s: ${lag.p99.toFixed(2)}`);
  } finally {
    await server.stop();
    await projected.stop();
    await postgres?.dispose();
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
