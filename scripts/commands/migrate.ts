import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";

export async function runMigrate(): Promise<void> {
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  const applied = await migrateDatabase(target);
  const where = target.provider === "sqlite" ? target.filePath : "PostgreSQL";
  console.log(applied.length > 0 ? `Applied ${applied.join(", ")} to ${where}` : `${where} is up to date`);
}
