import { parseArgs } from "node:util";
import { Presets, SingleBar } from "cli-progress";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { openStore } from "../../lib/db/prisma";
import { readHeadPosition } from "../../lib/eventstore/read";
import { formatDigest, parseDigest } from "../../lib/integrity/chain";
import { describeErasure, describeProblem } from "../../lib/integrity/verify";
import { currentDigest, verifyStore } from "../../lib/integrity/verify-store";
import { verifyArchive } from "../../lib/retention/verify-archive";

/**
 * `integrity digest`: the chain's head, to keep outside Rewind (a cron job can mail it).
 * `integrity verify [--digest D]`: every event's content and link, and the kept digest; exits 1
 * on any problem, so a scheduled check can alert.
 */
export async function runIntegrity(args: string[]): Promise<void> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { digest: { type: "string" }, archive: { type: "string" } } });
  const [action] = positionals;
  if (action !== "digest" && action !== "verify") throw new Error("usage: integrity digest | integrity verify [--digest rewind-digest:v1:…]");
  const digest = values.digest === undefined ? null : parseDigest(values.digest);
  if (values.digest !== undefined && !digest) throw new Error("--digest must look like rewind-digest:v1:<position>:<link>");
  // Read only: an auditor's database login may have no right to migrate (run `rewind migrate` first).
  const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL));
  try {
    if (action === "digest") {
      const head = await currentDigest(store);
      if (!head) {
        console.error("no event has been appended since the chain began: there is no digest yet");
        process.exitCode = 1;
        return;
      }
      console.log(formatDigest(head));
      return;
    }
    if (values.archive !== undefined) {
      // A purge's archive against what the store kept of its events (docs/retention.md).
      const a = await verifyArchive(store, values.archive);
      for (const p of a.problems) console.log(`problem: ${p.problem}`);
      console.log(
        a.problems.length === 0
          ? `archive intact: ${a.checked} events of ${a.purgeId}${a.erased > 0 ? `, ${a.erased} erased (vouched for by their erasure records)` : ""}`
          : `${a.problems.length} problem(s) in the archive ${values.archive}`,
      );
      if (a.problems.length > 0) process.exitCode = 1;
      return;
    }
    const bar = new SingleBar({ format: "verifying [{bar}] {value}/{total} positions", hideCursor: true }, Presets.shades_classic);
    bar.start(Math.max(await readHeadPosition(store), 1), 0);
    const v = await verifyStore(store, { digest, onProgress: (p) => bar.update(p.position) });
    bar.stop();
    for (const p of v.problems) console.log(`problem: ${describeProblem(p)}`);
    if (v.problemCount > v.problems.length) console.log(`… ${v.problemCount - v.problems.length} more`);
    if (v.purged > 0) console.log(`${v.purged} events were purged by retention: their tombstones keep the chain (check an archive with --archive)`);
    for (const e of v.erasures) console.log(`${describeErasure(e)}: their personal data was taken out, and the record vouches for each change`);
    if (v.unchained > 0) console.log(`${v.unchained} events predate the chain: their content was checked, their order cannot be`);
    console.log(
      v.problemCount === 0
        ? `intact: ${v.checked} events${v.purged > 0 ? `, ${v.purged} purged` : ""}${v.erased > 0 ? `, ${v.erased} erased` : ""}` +
            `${digest ? ", digest matched" : ""}`
        : `${v.problemCount} problem(s) in ${v.checked} events`,
    );
    if (v.head) console.log(`digest now: ${formatDigest(v.head)}`);
    if (v.problemCount > 0) process.exitCode = 1;
  } finally {
    await store.db.$disconnect();
  }
}
