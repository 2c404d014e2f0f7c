// The server Playwright tests run against: a fresh, migrated store, then the built app.
import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { parseDatabaseUrl, sqliteFileOf } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { openStore } from "../lib/db/prisma";
import type { Role } from "../lib/access/roles";
import { createDashboardUser } from "../lib/auth/dashboard-users";
import { E2E_USERS } from "../e2e/support/users";
import { hasBuild, serve } from "./serve";

async function main() {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const file = sqliteFileOf(target);
  if (file) rmSync(dirname(file), { recursive: true, force: true });
  await migrateDatabase(target);
  // One dashboard user per role (playwright.config.ts E2E_USERS), as an admin would invite them.
  const store = openStore(target);
  for (const [role, user] of Object.entries(E2E_USERS)) {
    await createDashboardUser(store, { email: user.email, password: user.password, name: `E2E ${role}`, role: role as Role });
  }
  await store.db.$disconnect();
  if (!hasBuild()) throw new Error("no build: run `npm run build` before the e2e tests (npm test does)");
  process.env.HOST = "127.0.0.1";
  await serve();
}

main().catch((error: unknown) => {
  console.error(`e2e server: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
