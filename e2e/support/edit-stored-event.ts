// What someone with the database's own rights could do, for the integrity tests: lift the guard
// against updates, overwrite one stored event's data, put the guard back. Prints the position.
// Usage: tsx e2e/support/edit-stored-event.ts <event id> <data as JSON>
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { openStore } from "../../lib/db/prisma";

async function main() {
  const [eventId, json] = process.argv.slice(2);
  if (!eventId || !json) throw new Error("usage: edit-stored-event.ts <event id> <data as JSON>");
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const store = openStore(target);
  const sqlite = target.provider === "sqlite";
  try {
    const row = await store.db.storedEvent.findFirstOrThrow({ where: { eventId } });
    await store.db.$executeRawUnsafe(sqlite ? `DROP TRIGGER "events_no_update"` : `DROP TRIGGER "events_no_update" ON "events"`);
    await store.db.$executeRawUnsafe(`UPDATE "events" SET "data_json" = ${sqlite ? "?" : "$1::jsonb"} WHERE "position" = ${Number(row.position)}`, json);
    await store.db.$executeRawUnsafe(
      sqlite
        ? `CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events" BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;`
        : `CREATE TRIGGER "events_no_update" BEFORE UPDATE ON "events" FOR EACH ROW EXECUTE FUNCTION "events_refuse_update"()`,
    );
    process.stdout.write(`${row.position}\n`);
  } finally {
    await store.db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
