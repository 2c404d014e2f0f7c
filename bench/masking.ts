import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { openStore } from "../lib/db/prisma";
import { appendEvents } from "../lib/eventstore/append";
import type { IncomingEvent } from "../lib/ingest/cloud-event";
import { createMasker, maskValue } from "../lib/privacy/mask";
import { policySchema, type PersonalDataPolicy } from "../lib/privacy/policy";
import { startBenchServer } from "./server";
import { fmt, median } from "./stats";

const ROUNDS = 7;
const KEY = "bench-service-key";
const MB = 1_000_000;

/** The masker of main before issue 11, as the baseline: every pattern as a regex, String.replace. */
function regexMasker(policy: PersonalDataPolicy): (text: string) => string {
  const patterns = policy.patterns.map((p) => new RegExp(p.regex, "gu"));
  return (text) => patterns.reduce((out, regex) => out.replace(regex, (m) => maskValue(m)), text);
}

/**
 * CPU time of one synchronous run, in ms: masking is single-threaded work, and on a shared
 * 2-core machine (load average 9 to 16 while this was written) wall time mostly measures the
 * scheduler. The server half below measures wall time, which is what a caller waits.
 */
function time(run: () => unknown): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1_000;
}

/** The 1 MB shapes: the one the review found (no '@'), and the worst for each detector. */
const SHAPES: Record<string, (n: number) => string> = {
  "no @": (n) => "a".repeat(n),
  words: (n) => "lorem ipsum dolor sit amet ".repeat(n / 27 + 1).slice(0, n),
  emails: (n) => "ann.smith@example.com ".repeat(n / 22 + 1).slice(0, n),
  "@ and dots": (n) => "a@b.".repeat(n / 4),
  "spaced digits": (n) => "1 ".repeat(n / 2),
  "card numbers": (n) => "4111 1111 1111 1111 ".repeat(n / 20),
};

function benchInProcess(policy: PersonalDataPolicy): void {
  const masker = createMasker(policy);
  const baseline = regexMasker(policy);
  const inputs = Object.fromEntries(Object.entries(SHAPES).map(([name, make]) => [name, { big: make(MB), small: make(MB / 10) }]));
  const times: Record<string, { big: number[]; small: number[] }> = {};
  for (const name of Object.keys(SHAPES)) times[name] = { big: [], small: [] };
  // The old masker is quadratic on a run without '@': 20 KB (not 1 MB, about 30 minutes) is its baseline.
  const old20 = SHAPES["no @"]!(20_000);
  const vs = { old: [] as number[], now: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const name of Object.keys(SHAPES)) {
      times[name]!.big.push(time(() => masker.text(inputs[name]!.big)));
      times[name]!.small.push(time(() => masker.text(inputs[name]!.small)));
    }
    vs.old.push(time(() => baseline(old20)));
    vs.now.push(time(() => masker.text(old20)));
  }
  for (const [name, t] of Object.entries(times)) {
    console.log(`masking 1 MB (${name}): median ${fmt(median(t.big), 1)} ms; 100 KB: ${fmt(median(t.small), 2)} ms`);
  }
  const noAt = times["no @"]!;
  console.log(`baseline (main's regex masker), 20 KB without '@': median ${fmt(median(vs.old), 1)} ms; now ${fmt(median(vs.now), 3)} ms`);
  console.log(`ratio masking 1MB/100KB without '@' (10 is linear): ${(median(noAt.big) / median(noAt.small)).toFixed(2)}`);
  console.log(`ratio main/now masking 20KB without '@': ${(median(vs.old) / median(vs.now)).toFixed(0)}`);
  benchCollidingKeys(masker);
}

/** Keys that mask alike (a map keyed by email): 10,000 of them against 1,000, numbered in one pass. */
function benchCollidingKeys(masker: ReturnType<typeof createMasker>): void {
  const keyed = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`a${String(i).padStart(5, "0")}@x.io`, i]));
  const big = keyed(10_000);
  const small = keyed(1_000);
  const t = { big: [] as number[], small: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    t.big.push(time(() => masker.eventData("bench", big)));
    t.small.push(time(() => masker.eventData("bench", small)));
  }
  console.log(`masking 10,000 keys that mask alike: median ${fmt(median(t.big), 1)} ms; 1,000: ${fmt(median(t.small), 2)} ms`);
  console.log(`ratio masking 10k/1k colliding keys (10 is linear): ${(median(t.big) / median(t.small)).toFixed(2)}`);
}

/** /api/health while the server masks a stream holding a 1 MB string, against /api/health idle; rounds interleave. */
async function benchServer(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-masking-"));
  const url = `file:${join(dir, "masking.db")}`;
  await migrateDatabase(parseDatabaseUrl(url));
  const store = openStore(parseDatabaseUrl(url));
  const stream = "bench/large";
  const large: IncomingEvent = {
    specversion: "1.0",
    id: "large-1",
    source: "/bench",
    type: "bench.large.recorded",
    subject: stream,
    time: new Date("2026-06-01T00:00:00Z"),
    datacontenttype: "application/json",
    dataschema: null,
    userid: null,
    anonymousid: null,
    sessionid: null,
    correlationid: null,
    causationid: null,
    extensions: {},
    expectedVersion: null,
    data: { kind: "json", value: { note: SHAPES["no @"]!(MB) } },
  };
  // Past ingestion on purpose: whatever limits it sets, what is stored must never stall a read.
  await appendEvents(store, [large]);
  await store.db.$disconnect();
  const server = await startBenchServer({ DATABASE_URL: url, REWIND_API_KEY: KEY, REWIND_PROJECTOR: "off" }, 3197);
  try {
    const health = async () => {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/health`);
      await res.text();
      return performance.now() - started;
    };
    const read = async () => {
      const started = performance.now();
      const res = await fetch(`${server.url}/api/streams/${encodeURIComponent(stream)}`, { headers: { authorization: `Bearer ${KEY}` } });
      const body = await res.text();
      if (res.status !== 200 || body.length < MB) throw new Error(`stream read failed: ${res.status}`);
      return performance.now() - started;
    };
    await read(); // warm: the masker, the route, the JIT
    const idle: number[] = [];
    const during: number[] = [];
    const reads: number[] = [];
    for (let round = 0; round < ROUNDS * 2; round++) {
      idle.push(await health());
      const reading = read();
      await new Promise((r) => setTimeout(r, 5)); // the read has reached the server
      const [h, r] = await Promise.all([health(), reading]);
      during.push(h);
      reads.push(r);
    }
    console.log(`server: GET /api/streams of a 1 MB string without '@': median ${fmt(median(reads), 1)} ms`);
    console.log(
      `server: /api/health idle median ${fmt(median(idle), 1)} ms; during that read median ${fmt(median(during), 1)} ms, max ${fmt(Math.max(...during), 1)} ms`,
    );
    console.log(`ratio health during read/idle: ${(median(during) / median(idle)).toFixed(2)}`);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Masking, in process: 1 MB strings of six shapes (the one the review found and the worst case for
 * each detector) against 100 KB of the same, and against main's regex masker. Then on the
 * production server: /api/health while a stream holding a 1 MB string is read and masked.
 * `npm run bench -- masking [--no-server]`.
 */
export async function benchMasking(args: string[]): Promise<void> {
  const policy = policySchema.parse(JSON.parse(readFileSync(join(__dirname, "..", "prisma", "personal-data-policy.json"), "utf8")));
  console.log(`masking bench: ${ROUNDS} interleaved rounds, medians of CPU time in process, the seed policy`);
  benchInProcess(policy);
  if (!args.includes("--no-server")) await benchServer();
}
