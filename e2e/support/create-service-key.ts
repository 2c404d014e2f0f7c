// A service key with only the reads named, made in the e2e server's store (as `rewind keys create`
// would make one): for tests of what a key without users.find may not see. Prints the key.
// Usage: tsx e2e/support/create-service-key.ts <name> <permission,permission…>
import { execFileSync } from "node:child_process";
import { createApiKey } from "../../lib/auth/api-keys";
import { typedKeyPermissionsSchema } from "../../lib/auth/key-permissions";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { openStore } from "../../lib/db/prisma";

const STORE = process.env.E2E_DATABASE_URL ?? "file:./test-results/e2e-store/rewind.db";

/** From a test: runs this file against the e2e server's store and answers the key. */
export function createServiceKey(name: string, permissions: string): string {
  const output = execFileSync("node_modules/.bin/tsx", ["e2e/support/create-service-key.ts", name, permissions], {
    env: { ...process.env, DATABASE_URL: STORE },
  });
  const key = output.toString().trim().split("\n").pop() ?? "";
  if (!key.startsWith("rw")) throw new Error(`create-service-key printed ${JSON.stringify(output.toString())}`);
  return key;
}

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

if (process.argv[1]?.endsWith("create-service-key.ts")) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
