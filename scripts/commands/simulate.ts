import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";
import { importRecords } from "../../lib/importer/import-events";
import type { FileRecord } from "../../lib/importer/read-records";
import { DEFAULT_WORLD_START, simulateWorld } from "../../lib/simulate/world";

function positiveInt(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

export async function runSimulate(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      users: { type: "string" },
      days: { type: "string" },
      seed: { type: "string" },
      start: { type: "string" },
      out: { type: "string" },
    },
  });
  const users = positiveInt(values.users, "users", 50);
  const days = positiveInt(values.days, "days", 30);
  const seed = values.seed ?? "rewind";
  const start = values.start ? new Date(`${values.start}T00:00:00Z`) : DEFAULT_WORLD_START;
  if (Number.isNaN(start.getTime())) throw new Error(`--start must be a date (YYYY-MM-DD), got "${values.start}"`);

  const started = performance.now();
  const world = simulateWorld({ users, days, seed, start });
  console.log(`Simulated ${users} users over ${days} days from ${start.toISOString().slice(0, 10)} (seed "${seed}"): ${world.length} deliveries`);

  if (values.out) {
    const out = createWriteStream(values.out);
    for (const { event } of world) out.write(`${JSON.stringify(event)}\n`);
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    console.log(`Wrote ${values.out}`);
    return;
  }

  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  const bar = new SingleBar({ format: "append |{bar}| {value}/{total} events · {eta_formatted} left" }, Presets.shades_classic);
  bar.start(world.length, 0);
  async function* records(): AsyncGenerator<FileRecord> {
    for (let i = 0; i < world.length; i++) yield { line: i + 1, value: world[i]!.event };
  }
  try {
    const summary = await importRecords(store, records(), (s) => bar.update(s.read));
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Appended ${summary.appended} events (${summary.duplicates} re-deliveries were duplicates, ${summary.refusedCount} refused) ` +
        `in ${seconds.toFixed(1)} s: ${Math.round(summary.read / seconds)} events/s`,
    );
    for (const r of summary.refused.slice(0, 5)) console.log(`  event ${r.line}: ${r.reason}`);
    if (summary.refusedCount > 0) process.exitCode = 1;
  } finally {
    bar.stop();
    await store.db.$disconnect();
  }
}
