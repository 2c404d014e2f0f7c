import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";
import { importRecords } from "../../lib/importer/import-events";
import { readRecords } from "../../lib/importer/read-records";

const SHOW_REFUSALS = 20;

export async function runImport(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [file] = positionals;
  if (!file) throw new Error("usage: import <file.ndjson|file.json>");
  const size = statSync(file).size;

  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  const bar = new SingleBar({ format: "import |{bar}| {percentage}% · {events} events · {eta_formatted} left", hideCursor: true }, Presets.shades_classic);
  bar.start(size, 0, { events: 0 });
  let bytes = 0;
  const started = performance.now();
  try {
    const summary = await importRecords(
      store,
      readRecords(file, (n) => {
        bytes += n;
        bar.update(Math.min(bytes, size));
      }),
      (s) => bar.update(Math.min(bytes, size), { events: s.read }),
    );
    bar.update(size, { events: summary.read });
    bar.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Imported ${file}: ${summary.read} read, ${summary.appended} appended, ${summary.duplicates} duplicates, ` +
        `${summary.refusedCount} refused, in ${seconds.toFixed(1)} s`,
    );
    for (const r of summary.refused.slice(0, SHOW_REFUSALS)) console.log(`  line ${r.line}: ${r.reason}`);
    if (summary.refusedCount > SHOW_REFUSALS) console.log(`  … and ${summary.refusedCount - SHOW_REFUSALS} more refused`);
    if (summary.refusedCount > 0) process.exitCode = 1;
  } finally {
    bar.stop();
    await store.db.$disconnect();
  }
}
