import { describeTarget, parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";

export async function runMigrate(): Promise<void> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const applied = await migrateDatabase(target);
  const where = describeTarget(target);
  console.log(applied.length > 0 ? `Applied ${applied.join(", ")} to ${where}` : `${where} is up to date`);
}
