import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { openStore } from "../lib/db/prisma";
import { rebuildProjections } from "../lib/sessions/projector";
import { appendLongSession } from "./long-session";
import { fmt, median } from "./stats";

const ROUNDS = 3;
const root = join(__dirname, "..");
const SIZES = ["10k", "100k"] as const;
const MODES = ["stream", "memory"] as const;

interface ExportRun {
  bytes: number;
  seconds: number;
  peakLiveMb: number;
  maxRssMb: number;
}

function exportInChildProcess(url: string, sessionId: string, mode: string): ExportRun {
  const out = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", "bench/export-once.ts", sessionId, mode], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
  });
  return JSON.parse(out.toString().trim().split("\n").pop()!);
}

/**
 * Peak memory of a session's JSON export, for a 10k- and a 100k-event session, streamed (what the
 * route serves) beside the in-memory build it replaced, in interleaved rounds so machine noise
 * hits every variant alike; each export in a process doing nothing else. The ratios are on the
 * peak live heap (what the export holds); peak RSS is printed too, and also counts garbage V8 has
 * not yet collected (it lets the heap grow before collecting, so RSS rises with work done).
 */
export async function benchExports(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-exports-"));
  const url = `file:${join(dir, "exports.db")}`;
  try {
    await migrateDatabase(parseDatabaseUrl(url));
    const store = openStore(parseDatabaseUrl(url));
    const start = new Date("2026-06-01T00:00:00Z");
    const ids = { "10k": await appendLongSession(store, "x10k", 10_000, start), "100k": await appendLongSession(store, "x100k", 100_000, start) };
    await rebuildProjections(store, { now: () => Date.parse("2027-01-01T00:00:00Z") });
    await store.db.$disconnect();

    const peaks: Record<string, number[]> = {};
    const rss: Record<string, number[]> = {};
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of MODES) {
        for (const size of SIZES) {
          const run = exportInChildProcess(url, ids[size], mode);
          const key = `${mode} ${size}`;
          peaks[key] = [...(peaks[key] ?? []), run.peakLiveMb];
          rss[key] = [...(rss[key] ?? []), run.maxRssMb];
          console.log(
            `round ${round + 1}: ${mode} ${size}: ${fmt(run.bytes / 1e6, 1)} MB written in ${fmt(run.seconds, 2)} s, ` +
              `peak live heap ${fmt(run.peakLiveMb, 1)} MB, peak RSS ${fmt(run.maxRssMb)} MB`,
          );
        }
      }
    }
    const peak = (key: string) => median(peaks[key]!);
    for (const key of Object.keys(peaks)) console.log(`median peak live heap, ${key}: ${fmt(peak(key), 1)} MB (peak RSS ${fmt(median(rss[key]!))} MB)`);
    console.log(`ratio stream peak 100k/10k: ${(peak("stream 100k") / peak("stream 10k")).toFixed(3)}`);
    console.log(`ratio in-memory peak 100k/10k: ${(peak("memory 100k") / peak("memory 10k")).toFixed(3)}`);
    console.log(`ratio 100k peak in-memory/stream: ${(peak("memory 100k") / peak("stream 100k")).toFixed(3)}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
