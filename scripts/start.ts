// `npm start`: bring the store (DATABASE_URL) up to date and serve it on PORT (default 3000).
import { parseDatabaseUrl } from "../lib/db/database-url";
import { migrateDatabase } from "../lib/db/migrate";
import { build, hasBuild, serve } from "./serve";

async function main() {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const applied = await migrateDatabase(target);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  if (!hasBuild()) {
    console.log("No build found: building once (npm run build)…");
    await build();
  }
  await serve();
}

main().catch((error: unknown) => {
  console.error(`rewind start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
