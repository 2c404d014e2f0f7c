import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";
import { describePolicyErrors } from "../../lib/retention/policy";
import { readRetentionPolicy, saveRetentionPolicy } from "../../lib/retention/policy-store";
import { purgeRetention } from "../../lib/retention/purge";

const USAGE = "usage: retention apply <file.json> | retention show | retention run [--dry-run]";
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "-");

/**
 * `retention apply <file>` validates a policy and saves it as a new version; `retention show`
 * prints the one in force; `retention run [--dry-run]` archives and removes what is due now
 * (docs/retention.md), per rule the count and the archive it went to.
 */
export async function runRetention(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { "dry-run": { type: "boolean" } } });
  const [action, file] = positionals;
  if (action !== "apply" && action !== "show" && action !== "run") throw new Error(USAGE);
  if (action === "apply" && !file) throw new Error(USAGE);
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    if (action === "apply") {
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(file!, "utf8"));
      } catch (error) {
        throw new Error(`${file} is not a JSON file: ${(error as Error).message}`);
      }
      try {
        const saved = await saveRetentionPolicy(store, input as never, `cli (${process.env.USER ?? "unknown"})`);
        console.log(`saved retention policy v${saved.version}: ${saved.summary}`);
        console.log(JSON.stringify(saved.policy, null, 2));
      } catch (error) {
        if (error instanceof ZodError) throw new Error(`${file}: ${describePolicyErrors(error)}`);
        throw error;
      }
      return;
    }
    if (action === "show") {
      const current = await readRetentionPolicy(store);
      if (!current) console.log("no retention policy saved: every event is kept forever");
      else
        console.log(
          `retention policy v${current.version} (${current.changedBy}, ${current.changedAt.toISOString()})\n${JSON.stringify(current.policy, null, 2)}`,
        );
      return;
    }
    const result = await purgeRetention(store, { dryRun: values["dry-run"] ?? false });
    if (result.policyVersion === null) {
      console.log("no retention policy saved: nothing is removed");
      return;
    }
    for (const r of result.rules) console.log(`${r.rule}: ${r.count} event(s)${r.count > 0 ? `, recorded ${day(r.oldest)} to ${day(r.newest)}` : ""}`);
    if (result.dryRun) console.log(`dry run: ${result.count} event(s) would be archived and removed; nothing was written`);
    else if (result.count === 0) console.log("nothing is due");
    else console.log(`removed ${result.count} event(s) (${result.purgeId}); archive ${result.archive}, manifest ${result.manifest}`);
  } finally {
    await store.db.$disconnect();
  }
}
