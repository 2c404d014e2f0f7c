// `npm run demo`: prepare the embedded store, load the reference world when it is empty, build, serve.
import { ROLES } from "../lib/access/roles";
import { createApiKey } from "../lib/auth/api-keys";
import { createDashboardUser, dashboardUserExists, ensureFirstAdmin } from "../lib/auth/dashboard-users";
import { parseDatabaseUrl } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { openStore } from "../lib/db/prisma";
import { readHeadPosition } from "../lib/eventstore/read";
import { REWIND_CONTINUE_TEMPLATE } from "../lib/resume/settings";
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
  await ensureFirstAdmin(store);
  const signIns = await ensureDemoUsers(store);
  await store.db.$disconnect();
  console.log("Building the app…");
  await build();
  if (keys.length > 0) console.log(`\nDemo API keys (shown once):\n  ${keys.join("\n  ")}`);
  console.log(`\nDemo sign-ins (one per role; for a demo only):\n  ${signIns.join("\n  ")}`);
  // There is no booking app behind the demo: a resume link's Continue lands on Rewind's own page,
  // which says where a real deployment would send the customer (unless the template is set).
  process.env.REWIND_RESUME_URL_TEMPLATE ||= REWIND_CONTINUE_TEMPLATE;
  await serve();
}

/** One dashboard user per role, with passwords that are printed: this is a demo store. */
async function ensureDemoUsers(store: ReturnType<typeof openStore>): Promise<string[]> {
  const lines: string[] = [];
  for (const role of ROLES) {
    const email = `${role}@rewind.demo`;
    const password = `rewind-demo-${role}`;
    if (!(await dashboardUserExists(store, email))) {
      await createDashboardUser(store, { email, password, name: `Demo ${role}`, role });
    }
    lines.push(`${role.padEnd(8)} ${email} / ${password}`);
  }
  return lines;
}

main().catch((error: unknown) => {
  console.error(`rewind demo: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
