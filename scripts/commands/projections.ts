import { parseArgs } from "node:util";
import { parseDatabaseUrl } from "../../lib/db/database-url";
import { migrateDatabase } from "../../lib/db/migrate";
import { openStore } from "../../lib/db/prisma";
import { liveCatalogOf } from "../../lib/journey-store/live-catalog";
import { progressWords } from "../../lib/sessions/generations/progress-line";
import { catchUp, closeIdleSessions, rebuildProjections } from "../../lib/sessions/projector";
import { sessionTimeoutMs } from "../../lib/sessions/settings";
import { discardFromCli, printGenerations, printGenerationsWithDisk, rollBackFromCli } from "./generations-status";

export async function runProjections(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true });
  const [action, id] = positionals;
  const actions = ["rebuild", "catch-up", "status", "generations", "rollback", "discard"];
  if (!actions.includes(action ?? "")) throw new Error("usage: projections <rebuild|catch-up|status|generations|rollback|discard <id>>");
  const target = parseDatabaseUrl(process.env.DATABASE_URL);
  await migrateDatabase(target);
  const store = openStore(target);
  try {
    if (action === "status") return await printGenerations(store);
    if (action === "generations") return await printGenerationsWithDisk(store);
    if (action === "rollback") return await rollBackFromCli(store);
    if (action === "discard") return await discardFromCli(store, id);
    // The live generation's journeys, stored definitions included: a fold with the built-in ones alone would drop them.
    const options = { timeoutMs: sessionTimeoutMs(), catalog: await liveCatalogOf(store) };
    const started = performance.now();
    // A rebuild folds into a new generation beside the live one (pages keep reading it) and
    // switches it in once it has caught up: one line per page of progress.
    let finishedBeside = null as number | null;
    const onProgress = (p: { id: number; state: string; position: number; head: number }) => {
      // A report of a generation already live: the server's runner folded its last pages.
      if (p.state === "live") finishedBeside = p.position;
      console.log(`Preparing generation ${p.id} of the read models: ${progressWords(p.position, p.head)}`);
    };
    const events = action === "rebuild" ? await rebuildProjections(store, options, onProgress) : await catchUp(store, options);
    const closed = await closeIdleSessions(store, options);
    const seconds = (performance.now() - started) / 1000;
    const sessions = await store.db.session.count();
    // A server running beside folds the same generation page by page: what it took is not this command's.
    const shared = finishedBeside === null ? "" : `; the server's projector folded the rest, up to position ${finishedBeside.toLocaleString("en-US")}`;
    console.log(
      `${action === "rebuild" ? "Rebuilt" : "Caught up"}: ${events} events folded into ${sessions} sessions in ${seconds.toFixed(1)} s` +
        `${closed > 0 ? ` (${closed} idle sessions closed)` : ""}${shared}`,
    );
  } finally {
    await store.db.$disconnect();
  }
}
