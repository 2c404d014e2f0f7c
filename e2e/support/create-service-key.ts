// A service key with only the reads named, made in the e2e server's store (as `rewind keys create`
// would make one): for tests of what a key without users.find may not see. Prints the key.
// Usage: tsx e2e/support/create-service-key.ts <name> <permission,permission…> (tests: e2e/support/service-key.ts)
import { createApiKey } from "../../lib/auth/api-keys";
import { typedKeyPermissionsSchema } from "../../lib/auth/key-permissions";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { openStore } from "../../lib/db/prisma";

async function main() {
  const [name, permissions] = process.argv.slice(2);
  if (!name || !permissions) throw new Error("usage: create-service-key.ts <name> <permissions>");
  const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL));
  try {
    const key = await createApiKey(store, "service", name, { permissions: typedKeyPermissionsSchema.parse(permissions) });
    process.stdout.write(`${key}\n`);
  } finally {
    await store.db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
