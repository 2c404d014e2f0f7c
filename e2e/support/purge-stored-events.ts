// What a retention purge does to the store, for the e2e specs (the purge itself is lib/retention's):
// tombstones for the events named, the events deleted, the read models untouched.
// Usage: tsx e2e/support/purge-stored-events.ts <rule> <event id>...  Prints how many it removed.
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { openStore } from "../../lib/db/prisma";
import { purgeEvents } from "../../lib/testing/purge-events";

async function main() {
  const [rule, ...eventIds] = process.argv.slice(2);
  if (!rule || eventIds.length === 0) throw new Error("usage: purge-stored-events.ts <rule> <event id>...");
  const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL));
  try {
    const rows = await store.db.storedEvent.findMany({ where: { eventId: { in: eventIds } }, select: { position: true } });
    const removed = await purgeEvents(store, { positions: rows.map((r) => Number(r.position)), rule, purgedAt: new Date("2026-09-01T02:30:00Z") });
    process.stdout.write(`${removed}\n`);
  } finally {
    await store.db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
