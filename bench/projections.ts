import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { openStore } from "../lib/db/prisma";
import type { JourneyEvent } from "../lib/journeys/journey-event";
import { projectInMemory } from "../lib/sessions/project-in-memory";
import { rebuildProjections } from "../lib/sessions/projector";
import { findSession } from "../lib/sessions/read-sessions";
import { DEFAULT_TIMEOUT_MS } from "../lib/sessions/sessionize";
import { stateAt } from "../lib/sessions/state-at";
import { createRandom } from "../lib/simulate/random";
import { appendLongSession } from "./long-session";
import { worldStore } from "./world-store";
import { fmt, median } from "./stats";

const ROUNDS = 5;
const START = new Date("2026-06-01T00:00:00Z");
const NOW = Date.parse("2026-08-01T00:00:00Z");
const root = join(__dirname, "..");

/** The baseline: the same rows read with better-sqlite3 and folded in memory with the same journey code. */
function rawProjection(file: string): number {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare(
      `SELECT "position","type","source","subject","occurred_at","userid","anonymousid","sessionid",` +
        `"correlationid","causationid","data_json","data_text" FROM "events" ORDER BY "position"`,
    )
    .all() as Record<string, string | number | null>[];
  db.close();
  const events: JourneyEvent[] = rows.map((r) => ({
    position: Number(r.position),
    type: r.type as string,
    source: r.source as string,
    subject: r.subject as string | null,
    time: Date.parse(r.occurred_at as string),
    userid: r.userid as string | null,
    anonymousid: r.anonymousid as string | null,
    sessionid: r.sessionid as string | null,
    correlationid: r.correlationid as string | null,
    causationid: r.causationid as string | null,
    data: r.data_json !== null ? JSON.parse(r.data_json as string) : r.data_text,
  }));
  return projectInMemory(events, { timeoutMs: DEFAULT_TIMEOUT_MS, now: NOW }).length;
}

function rebuildInChildProcess(url: string): { events: number; seconds: number; maxRssMb: number } {
  const out = execFileSync(join(root, "node_modules/.bin/tsx"), ["bench/rebuild-once.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, BENCH_NOW: String(NOW) },
  });
  return JSON.parse(out.toString().trim().split("\n").pop()!);
}

async function benchRebuild(dir: string) {
  const demo = await worldStore(dir, "demo", { users: 2_000, seed: "demo", start: START });
  console.log(`rebuild: the demo world, ${fmt(demo.events)} events`);
  const ratios: number[] = [];
  const rebuildTimes: number[] = [];
  const rawTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let t = performance.now();
    await rebuildProjections(demo.store, { now: () => NOW });
    const rebuild = performance.now() - t;
    t = performance.now();
    rawProjection(join(dir, "demo.db"));
    const raw = performance.now() - t;
    rebuildTimes.push(rebuild);
    rawTimes.push(raw);
    ratios.push(raw / rebuild);
    console.log(`  round ${round + 1}: rebuild ${fmt(rebuild)} ms · raw read + in-memory fold ${fmt(raw)} ms · ratio ${(raw / rebuild).toFixed(3)}`);
  }
  console.log(`median rebuild: ${fmt(median(rebuildTimes))} ms (${fmt(demo.events / (median(rebuildTimes) / 1000))} events/s)`);
  console.log(`median raw:     ${fmt(median(rawTimes))} ms`);
  await demo.store.db.$disconnect();

  const large = await worldStore(dir, "large", { users: 20_000, seed: "demo", start: START });
  await large.store.db.$disconnect();
  const small = rebuildInChildProcess(demo.url);
  const big = rebuildInChildProcess(large.url);
  console.log(`rebuild peak memory: ${fmt(small.events)} events ${fmt(small.maxRssMb)} MB · ${fmt(big.events)} events ${fmt(big.maxRssMb)} MB`);
  return median(ratios);
}

async function benchSeek(dir: string) {
  const url = `file:${join(dir, "seek.db")}`;
  await migrateDatabase(parseDatabaseUrl(url));
  const store = openStore(parseDatabaseUrl(url));
  const small = await appendLongSession(store, "s1k", 1_000, START);
  const big = await appendLongSession(store, "s100k", 100_000, START);
  await rebuildProjections(store, { now: () => NOW });
  const sessions = { small: (await findSession(store, small))!, big: (await findSession(store, big))! };
  const rng = createRandom("seek");
  const times = { small: [] as number[], big: [] as number[] };
  for (let i = 0; i < 60; i++) {
    for (const which of ["small", "big"] as const) {
      const session = sessions[which];
      const seq = rng.int(0, session.eventCount);
      const t = performance.now();
      await stateAt(store, session, seq);
      times[which].push(performance.now() - t);
    }
  }
  await store.db.$disconnect();
  console.log(`seek: median ${median(times.small).toFixed(2)} ms in a 1k-event session, ${median(times.big).toFixed(2)} ms in a 100k-event one`);
  return median(times.big) / median(times.small);
}

/** `npm run bench -- projections` */
export async function benchProjections(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-projections-"));
  try {
    const rebuildRatio = await benchRebuild(dir);
    const seekRatio = await benchSeek(dir);
    console.log(`ratio rebuild/raw: ${rebuildRatio.toFixed(3)}`);
    console.log(`ratio seek 100k/1k: ${seekRatio.toFixed(3)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
