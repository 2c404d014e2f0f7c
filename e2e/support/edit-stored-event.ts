// What someone with the database's own rights could do, for the integrity tests: lift the guard
// against updates, overwrite one stored event's data, put the guard back. Prints the position.
// Usage: tsx e2e/support/edit-stored-event.ts <event id> <data as JSON>
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { dialectOf } from "../../lib/db/dialect";
import { openStore } from "../../lib/db/prisma";
import { sql } from "../../lib/db/sql";
import { liftUpdateGuard, restoreUpdateGuard } from "../../lib/db/update-guard";

async function main() {
  const [eventId, json] = process.argv.slice(2);
  if (!eventId || !json) throw new Error("usage: edit-stored-event.ts <event id> <data as JSON>");
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const store = openStore(target);
  try {
    const row = await store.db.storedEvent.findFirstOrThrow({ where: { eventId } });
    await liftUpdateGuard(store);
    await store.db.$executeRaw(sql`UPDATE "events" SET "data_json" = ${dialectOf(target.provider).jsonParam(json)} WHERE "position" = ${Number(row.position)}`);
    await restoreUpdateGuard(store);
    process.stdout.write(`${row.position}\n`);
  } finally {
    await store.db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
