import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { userInfo } from "node:os";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";
import { exportCustomerJson, findExportedCustomer } from "../../lib/users/customer-export";
import { commandLineViewer, recordCustomerExport } from "../../lib/users/customer-export-record";

/**
 * `export-customer <userid|reference> [--out <file>]`: everything Rewind holds about one customer,
 * one JSON file, unmasked, for a subject-access request (docs/subject-access.md); on record in the
 * access log under the account that ran it. Without --out the JSON goes to standard output.
 */
export async function runExportCustomer(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { out: { type: "string" } } });
  const [idOrReference] = positionals;
  if (!idOrReference || positionals.length > 1) throw new Error("usage: export-customer <userid|reference> [--out <file>]");
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    const customer = await findExportedCustomer(store, idOrReference);
    if (!customer) throw new Error("Rewind holds nothing under that user id or reference");
    await recordCustomerExport(store, commandLineViewer(userInfo().username), customer);
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    for await (const piece of exportCustomerJson(store, customer)) if (!out.write(piece)) await once(out, "drain");
    if (values.out) {
      out.end();
      await finished(out);
    }
    // The summary goes to standard error, so standard output stays the JSON alone.
    if (values.out) console.error(`Wrote everything held about ${customer.reference ?? "the customer"} to ${values.out}`);
  } finally {
    await store.db.$disconnect();
  }
}
