// The store as the retention spec needs it, behind the server's back (e2e/ui/retention.spec.ts):
//   append <file.json>   appends [{recordedAt, events}] groups, each recorded at its own (past) time,
//                        chained like any append (lib/testing/retention-world.ts does the same); prints {id: position}
//   where <position>...  prints which positions are still events and which are tombstones
//   claim <purge id> | release <purge id>   holds or frees the purge lock, as a purge running elsewhere would
//   keep-everything      saves a version that removes nothing, so the tests after the spec keep their events
import { readFileSync } from "node:fs";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { openStore } from "../../lib/db/prisma";
import { appendEvents } from "../../lib/eventstore/append";
import { validateStructuredEvent } from "../../lib/ingest/normalise";
import { saveRetentionPolicy } from "../../lib/retention/policy-store";
import { claimPurge, releasePurge } from "../../lib/retention/purge-lock";

async function main() {
  const [command, ...args] = process.argv.slice(2);
  const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL));
  try {
    if (command === "append") {
      const groups = JSON.parse(readFileSync(args[0]!, "utf8")) as { recordedAt: string; events: unknown[] }[];
      const positions: Record<string, number> = {};
      for (const group of groups) {
        const events = group.events.map((event, i) => {
          const checked = validateStructuredEvent(event, i);
          if (!checked.ok) throw new Error(`event ${i} does not validate`);
          return checked.event;
        });
        const results = await appendEvents(store, events, new Date(group.recordedAt));
        events.forEach((e, i) => {
          positions[e.id] = results[i]!.position;
        });
      }
      process.stdout.write(`${JSON.stringify(positions)}\n`);
    } else if (command === "where") {
      const wanted = args.map((p) => BigInt(p));
      const [stored, tombstoned] = await Promise.all([
        store.db.storedEvent.findMany({ where: { position: { in: wanted } }, select: { position: true } }),
        store.db.eventTombstone.findMany({ where: { position: { in: wanted } }, select: { position: true } }),
      ]);
      const sorted = (rows: { position: bigint }[]) => rows.map((r) => Number(r.position)).sort((a, b) => a - b);
      process.stdout.write(`${JSON.stringify({ stored: sorted(stored), tombstoned: sorted(tombstoned) })}\n`);
    } else if (command === "claim") await claimPurge(store, args[0]!);
    else if (command === "release") await releasePurge(store, args[0]!);
    else if (command === "keep-everything") await saveRetentionPolicy(store, { rules: [], defaultKeepDays: null }, "e2e (keep everything)");
    else throw new Error("usage: retention-store.ts append <file> | where <position>... | claim <id> | release <id> | keep-everything");
  } finally {
    await store.db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
