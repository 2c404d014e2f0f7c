import type { Store } from "../../lib/db/prisma";
import { readHeadPosition } from "../../lib/eventstore/read";
import { resolveCatalogsFrom } from "../../lib/journey-store/journey-catalog";
import { rollBackJourneys } from "../../lib/journey-store/roll-back";
import { discardRetiredGeneration, generationBytes, keepGenerations, listGenerations } from "../../lib/sessions/generations";
import { diskWords, foldedWithWords } from "../../lib/sessions/generations/generation-words";
import { progressWords } from "../../lib/sessions/generations/progress-line";
import { sessionTimeoutMs } from "../../lib/sessions/settings";

/** `projections status`: the generations of the read models, newest first, with a building one's progress. */
export async function printGenerations(store: Store): Promise<void> {
  const head = await readHeadPosition(store);
  for (const g of await listGenerations(store, 10)) {
    const progress = g.state === "building" ? `: ${progressWords(g.position, head)}` : "";
    const failed = g.errorKind ? ` (${g.errorKind})` : "";
    const switched = g.switchedAt ? `, switched in ${g.switchedAt.toISOString()}` : "";
    console.log(`generation ${g.id} ${g.state}${progress}${failed}: ${g.reason}, started ${g.createdAt.toISOString()}${switched}`);
  }
}

/** `projections generations`: each generation, its state, what folded it and the disk its tables use. */
export async function printGenerationsWithDisk(store: Store): Promise<void> {
  const generations = await listGenerations(store, 20);
  const bytes = await generationBytes(store, generations);
  for (const g of generations) {
    const kept = g.state === "retired" && g.endedAt === null;
    const disk = g.state === "failed" || (g.state === "retired" && !kept) ? "no tables" : diskWords(bytes.get(g.id) ?? null);
    console.log(`generation ${g.id} ${kept ? "kept" : g.state}: ${g.reason}; folded with ${foldedWithWords(g.definitions)}; ${disk}`);
  }
  console.log(`(retired generations kept for a rollback: ${keepGenerations()}, REWIND_KEEP_GENERATIONS)`);
}

/** `projections rollback`: the kept generation retired last back in, after folding the events since. */
export async function rollBackFromCli(store: Store): Promise<void> {
  // Its stored definitions are loaded from the store, as the server's runner loads them.
  resolveCatalogsFrom(store);
  const result = await rollBackJourneys(store, "cli", {
    timeoutMs: sessionTimeoutMs(),
    onProgress: (p) => console.log(`Catching up generation ${p.id}: ${progressWords(p.position, p.head)}`),
  });
  console.log(
    `Rolled back: generation ${result.generation.id} is live (${result.folded} events folded first; ${foldedWithWords(result.generation.definitions)}); ` +
      `generation ${result.retired} is kept.`,
  );
}

/** `projections discard <id>`: a kept generation's tables dropped. */
export async function discardFromCli(store: Store, id: string | undefined): Promise<void> {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`usage: projections discard <id>: "${id ?? ""}" is not a generation's id`);
  await discardRetiredGeneration(store, n);
  console.log(`Discarded generation ${n}: its tables are dropped.`);
}
