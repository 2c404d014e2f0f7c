// Appends an event the session projector cannot fold, past ingestion's limits, as an older version
// might have (lib/testing/unfoldable-event.ts); chained like any append. Prints its position.
// Usage: tsx e2e/support/insert-unfoldable-event.ts <template event position> <new event id>
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { openStore } from "../../lib/db/prisma";
import { appendUnfoldableEvent } from "../../lib/testing/unfoldable-event";

async function main() {
  const [template, eventId] = process.argv.slice(2);
  if (!template || !/^\d+$/.test(template) || !eventId) throw new Error("usage: insert-unfoldable-event.ts <template position> <event id>");
  const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL));
  try {
    process.stdout.write(`${await appendUnfoldableEvent(store, Number(template), eventId)}\n`);
  } finally {
    await store.db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
