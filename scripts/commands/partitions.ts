import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { detachEventPartitions, listEventPartitions } from "../../lib/db/event-partitions";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";

const USAGE = "usage: partitions list | partitions detach --before YYYY-MM";

/**
 * `partitions list` prints the events' monthly partitions (PostgreSQL) with their counts;
 * `partitions detach --before YYYY-MM` detaches and drops those entirely before that month that
 * retention has emptied, and names those still holding events (docs/decisions-partitioning.md).
 */
export async function runPartitions(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { before: { type: "string" } } });
  const [action] = positionals;
  if (action !== "list" && action !== "detach") throw new Error(USAGE);
  if (action === "detach" && !values.before) throw new Error(USAGE);
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  if (target.provider !== "postgresql") {
    console.log("SQLite keeps the events in one table: there are no partitions");
    return;
  }
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    if (action === "list") {
      for (const p of await listEventPartitions(store)) console.log(`${p.name}  ${p.month}  ${p.events} event(s)`);
      return;
    }
    const result = await detachEventPartitions(store, values.before!);
    for (const name of result.detached) console.log(`detached and dropped ${name} (empty)`);
    for (const k of result.kept)
      console.log(`kept ${k.name}: ${k.events} event(s) still in it (kept by the policy, or due: run \`rewind retention run\` first)`);
    if (result.detached.length === 0 && result.kept.length === 0) console.log(`no partition before ${values.before}`);
  } finally {
    await store.db.$disconnect();
  }
}
