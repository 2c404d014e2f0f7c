import { parseArgs } from "node:util";
import { resetPassword } from "../../lib/auth/dashboard-users";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";

/**
 * `users reset-password <email>`: the way back for an admin who forgot their password and has no
 * other admin to reset it (whoever runs commands on the server already holds the store).
 */
export async function runUsers(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [action, email] = positionals;
  if (action !== "reset-password" || !email) throw new Error("usage: users reset-password <email>");
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    const user = await store.db.dashboardUser.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
    if (!user) throw new Error(`no dashboard user with the email ${email}`);
    const password = await resetPassword(store, user.id);
    console.log(`${user.email} is signed out everywhere. Their temporary password (shown only now; they choose their own at sign-in):\n${password}`);
  } finally {
    await store.db.$disconnect();
  }
}
