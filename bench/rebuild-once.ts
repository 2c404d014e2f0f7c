// Rebuilds the session projections of DATABASE_URL once and prints what it cost, as JSON:
// a process of its own, so its peak memory is the rebuild's alone.
import { parseDatabaseUrl } from "../lib/db/database-url";
import { openStore } from "../lib/db/prisma";
import { rebuildProjections } from "../lib/sessions/projector";

async function main() {
  const store = openStore(parseDatabaseUrl(process.env.DATABASE_URL));
  const started = performance.now();
  const events = await rebuildProjections(store, { now: () => Number(process.env.BENCH_NOW ?? Date.now()) });
  const seconds = (performance.now() - started) / 1000;
  await store.db.$disconnect();
  console.log(JSON.stringify({ events, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}

void main();
