import { parseArgs } from "node:util";
import { createApiKey } from "../../lib/auth/api-keys";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";

export async function runKeys(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { source: { type: "string" } } });
  const [action, kind, name] = positionals;
  if (action !== "create" || (kind !== "producer" && kind !== "service") || !name) {
    throw new Error("usage: keys create <producer|service> <name> [--source <CloudEvents source a producer key appends for>]");
  }
  if (values.source?.startsWith("rewind/")) throw new Error('--source: "rewind/" is reserved for Rewind\'s own events');
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    const key = await createApiKey(store, kind, name, { source: values.source ?? null, createdBy: "cli" });
    console.log(`Created ${kind} key "${name}". It is shown only now; store it safely:\n${key}`);
  } finally {
    await store.db.$disconnect();
  }
}
