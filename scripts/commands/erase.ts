import { userInfo } from "node:os";
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";
import { eraseCustomer } from "../../lib/erasure/erase-customer";
import { erasureReasonSchema } from "../../lib/erasure/erasure-input";
import { findExportedCustomer } from "../../lib/users/customer-export";
import { commandLineViewer } from "../../lib/users/customer-export-record";

/**
 * `erase <userid|reference> --reason "<ticket>"`: one customer's personal data taken out of
 * everything Rewind holds (docs/erasure.md), on record under the account that ran it. It cannot
 * be undone; what it changed is printed, never a value.
 */
export async function runErase(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { reason: { type: "string" } } });
  const [idOrReference] = positionals;
  if (!idOrReference || positionals.length > 1) throw new Error('usage: erase <userid|reference> --reason "<ticket>"');
  const reason = erasureReasonSchema.safeParse(values.reason ?? "");
  if (!reason.success) throw new Error(`--reason: ${reason.error.issues[0]?.message ?? "required"}`);
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    const customer = await findExportedCustomer(store, idOrReference);
    if (!customer) throw new Error("Rewind holds nothing under that user id or reference");
    const result = await eraseCustomer(store, commandLineViewer(userInfo().username), customer.userId, reason.data);
    console.log(
      `Erased ${result.reference}: ${result.events} events changed (erasure record at position ${result.record}), ` +
        `${result.archived} archived events, rows in ${result.tables.length} other tables (${result.tables.join(", ") || "none"})`,
    );
    if (!result.compacted)
      console.log("The SQLite WAL could not be emptied (another process was reading): run `npm run rewind -- erase` again or restart the server");
  } finally {
    await store.db.$disconnect();
  }
}
