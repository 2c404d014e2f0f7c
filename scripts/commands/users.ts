import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { resetPassword } from "../../lib/auth/dashboard-users";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore, type Store } from "../../lib/db/prisma";
import { toAuditEvent, type AuditEntry } from "../../lib/audit/audit-event";
import { appendEvents } from "../../lib/eventstore/append";
import { commandLineViewer } from "../../lib/users/customer-export-record";
import { BLOCK_LIST_TTL_MS, blockUser, listBlockedUsers, unblockUser } from "../../lib/users/blocked-users";

const USAGE = 'usage: users reset-password <email> | users block <userid> --reason "<reason>" | users unblock <userid> | users blocked';

/**
 * `users reset-password <email>`: the way back for an admin who forgot their password and has no
 * other admin to reset it (whoever runs commands on the server already holds the store).
 * `users block|unblock|blocked`: the ingestion block list (lib/users/blocked-users.ts). The user ids
 * are printed as stored: whoever runs commands here holds the store and every id in it.
 */
export async function runUsers(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { reason: { type: "string" } } });
  const [action, subject] = positionals;
  const run = action ? COMMANDS[action] : undefined;
  if (!run || (action !== "blocked" && !subject)) throw new Error(USAGE);
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    await run(store, subject ?? "", values.reason);
  } finally {
    await store.db.$disconnect();
  }
}

const SECONDS = BLOCK_LIST_TTL_MS / 1000;

/** A change to the block list is on record as from the dashboard, under the account that ran the command. */
const onRecord = (store: Store, entry: AuditEntry) => appendEvents(store, [toAuditEvent(commandLineViewer(userInfo().username), entry, new Date())]);

const COMMANDS: Record<string, (store: Store, subject: string, reason: string | undefined) => Promise<void>> = {
  "reset-password": async (store, email) => {
    const user = await store.db.dashboardUser.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true } });
    if (!user) throw new Error(`no dashboard user with the email ${email}`);
    const password = await resetPassword(store, user.id);
    console.log(`${user.email} is signed out everywhere. Their temporary password (shown only now; they choose their own at sign-in):\n${password}`);
  },
  block: async (store, userId, reason) => {
    if (!reason?.trim()) throw new Error('users block: --reason "<reason>" is required (producers are told it when their event is refused)');
    const { already } = await blockUser(store, { userId, reason: reason.trim(), blockedBy: `command line (${userInfo().username})` });
    await onRecord(store, { action: "ingest-block.added", customer: userId, target: "blocked from ingestion", reason: reason.trim() });
    console.log(`${already ? "Still blocked (reason updated)" : "Blocked"}: ${userId}: ${reason.trim()}`);
    console.log(`Running servers refuse its events within ${SECONDS} s (each reads the block list at most that often).`);
  },
  unblock: async (store, userId) => {
    if (!(await unblockUser(store, userId))) throw new Error(`${userId} is not blocked`);
    await onRecord(store, { action: "ingest-block.removed", customer: userId, target: "unblocked from ingestion" });
    console.log(`Unblocked: ${userId} (running servers accept its events again within ${SECONDS} s)`);
  },
  blocked: async (store) => {
    const rows = await listBlockedUsers(store);
    if (rows.length === 0) console.log("No user id is blocked from ingestion.");
    for (const r of rows) console.log(`${r.userId}\t${r.reason}\tblocked by ${r.blockedBy} at ${r.blockedAt.toISOString()}`);
  },
};
