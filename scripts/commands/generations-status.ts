import type { Store } from "../../lib/db/prisma";
import { readHeadPosition } from "../../lib/eventstore/read";
import { listGenerations } from "../../lib/sessions/generations";
import { progressWords } from "../../lib/sessions/generations/progress-line";

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
