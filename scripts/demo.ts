// `npm run demo`: prepare the embedded store, load the reference world when it is empty, build, serve.
import { createApiKey } from "../lib/auth/api-keys";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { openStore } from "../lib/db/prisma";
import { readHeadPosition } from "../lib/eventstore/read";
import { build, run, serve } from "./serve";

const DAY = 86_400_000;

async function main() {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  const empty = (await readHeadPosition(store)) === 0;
  let keys: string[] = [];
  if (empty) {
    // The 30 days up to today, so the demo feels current; the seed keeps it reproducible.
    const start = new Date(Math.floor(Date.now() / DAY) * DAY - 30 * DAY).toISOString().slice(0, 10);
    console.log("The store is empty: loading the reference world (2,000 users, 30 days)…");
    await run("tsx", ["scripts/rewind.ts", "simulate", "--users", "2000", "--days", "30", "--seed", "demo", "--start", start]);
    keys = [
      `producer key (POST /api/events): ${await createApiKey(store, "producer", "demo producer")}`,
      `service key  (GET /api/…):        ${await createApiKey(store, "service", "demo service")}`,
    ];
  }
  await store.db.$disconnect();
  console.log("Building the app…");
  await build();
  if (keys.length > 0) console.log(`\nDemo API keys (shown once):\n  ${keys.join("\n  ")}`);
  await serve();
}

main().catch((error: unknown) => {
  console.error(`rewind demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
