import { join } from "node:path";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { openStore, type Store } from "../lib/db/prisma";
import { importRecords } from "../lib/importer/import-events";
import { simulateWorld } from "../lib/simulate/world";

/** A fresh SQLite store in `dir` holding the reference world: `users` users over 30 days from `start`. */
export async function worldStore(
  dir: string,
  name: string,
  options: { users: number; seed: string; start: Date },
): Promise<{ url: string; store: Store; events: number }> {
  const url = `file:${join(dir, `${name}.db`)}`;
  await migrateDatabase(parseDatabaseUrl(url));
  const store = openStore(parseDatabaseUrl(url));
  const world = simulateWorld({ users: options.users, days: 30, seed: options.seed, start: options.start });
  async function* records() {
    for (const [i, w] of world.entries()) yield { line: i + 1, value: w.event };
  }
  const summary = await importRecords(store, records());
  return { url, store, events: summary.appended };
}
