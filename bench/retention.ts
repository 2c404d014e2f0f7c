import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { openStore, type Store } from "../lib/db/prisma";
import { appendEvents } from "../lib/eventstore/append";
import type { IncomingEvent } from "../lib/ingest/cloud-event";
import { validateStructuredEvent } from "../lib/ingest/normalise";
import { saveRetentionPolicy } from "../lib/retention/policy-store";
import { purgeRetention } from "../lib/retention/purge";
import { fmt, median } from "./stats";

const ROUNDS = 5;
const OLD_PER_ROUND = 20_000;
const IDLE_MS = 2_000;
const BATCH = 100;

function events(prefix: string, n: number): IncomingEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const v = validateStructuredEvent(
      { specversion: "1.0", id: `${prefix}-${i}`, source: "/bench", type: "search.bench.typed", subject: `bench/${i % 500}`, data: { i, q: "lisbon" } },
      i,
    );
    if (!v.ok) throw new Error("bench event does not validate");
    return v.event;
  });
}

/** Appends batches until `until()` says stop; answers events per second. */
async function ingest(store: Store, label: string, until: () => boolean): Promise<number> {
  const started = performance.now();
  let n = 0;
  for (let b = 0; !until(); b++) {
    n += (await appendEvents(store, events(`${label}-${b}`, BATCH))).length;
    await new Promise((r) => setImmediate(r));
  }
  return n / ((performance.now() - started) / 1000);
}

/**
 * Ingestion while a purge runs against ingestion with none, on one SQLite store, rounds
 * interleaved: each round appends OLD_PER_ROUND events recorded 30 days ago, measures idle
 * ingestion for IDLE_MS, then ingestion for as long as the purge of those events takes.
 */
export async function benchRetention(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-retention-"));
  const target = parseDatabaseUrl(`file:${join(dir, "store.db")}`);
  await migrateDatabase(target);
  const store = openStore(target);
  await saveRetentionPolicy(store, { rules: [{ types: "search.*", keepDays: 7 }], defaultKeepDays: null }, "bench");
  const idle: number[] = [];
  const during: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const old = new Date(Date.now() - 30 * 86_400_000);
    for (let i = 0; i < OLD_PER_ROUND; i += 1_000) await appendEvents(store, events(`old-${round}-${i}`, 1_000), old);
    const idleEnd = performance.now() + IDLE_MS;
    idle.push(await ingest(store, `idle-${round}`, () => performance.now() > idleEnd));
    let done = false;
    const purge = purgeRetention(store, { dir: join(dir, "archive") }).finally(() => {
      done = true;
    });
    during.push(await ingest(store, `during-${round}`, () => done));
    const result = await purge;
    console.log(`round ${round + 1}: idle ${fmt(idle.at(-1)!)} events/s, during a purge of ${result.count} ${fmt(during.at(-1)!)} events/s`);
  }
  await store.db.$disconnect();
  console.log(`median ingest idle: ${fmt(median(idle))} events/s, during purge: ${fmt(median(during))} events/s`);
  console.log(`ratio ingest during-purge/idle: ${(median(during) / median(idle)).toFixed(2)}`);
}
