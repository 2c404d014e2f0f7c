import { statSync } from "node:fs";
import { parseArgs } from "node:util";
import { SingleBar, Presets } from "cli-progress";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";
import { importRecords } from "../../lib/importer/import-events";
import { IMPORT_FORMATS, isImportFormat } from "../../lib/importer/import-formats";

const SHOW_REFUSALS = 20;

export async function runImport(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { format: { type: "string", default: "cloudevents" } } });
  const [file] = positionals;
  const formats = Object.keys(IMPORT_FORMATS).join("|");
  if (!file) throw new Error(`usage: import [--format ${formats}] <file>`);
  if (!isImportFormat(values.format)) throw new Error(`--format: "${values.format}" is not one of ${formats}`);
  const readFormat = IMPORT_FORMATS[values.format];
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
      readFormat(file, (n) => {
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
