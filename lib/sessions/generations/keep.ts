import { positiveFromEnv, type Env } from "../../config/env-number";
import type { Store } from "../../db/prisma";
import type { Prisma } from "../../generated/sqlite/client";
import * as rm from "../projection-store";
import { generationTables } from "../read-model-tables";
import { dropGenerationTables } from "./generation-tables";

/** REWIND_KEEP_GENERATIONS (default 1, at least 1): how many retired generations keep their tables, for a rollback. */
export function keepGenerations(env: Env = process.env): number {
  return positiveFromEnv(env, "REWIND_KEEP_GENERATIONS", 1, { integer: true });
}

/**
 * Drops the tables of retired generations beyond the newest `keep` that still have theirs (those
 * retired longest ago go first), in the switch's transaction. Answers the ids dropped.
 */
export async function dropRetiredBeyondKeep(tx: Prisma.TransactionClient, keep: number, now: Date): Promise<number[]> {
  const kept = await tx.journeyGeneration.findMany({
    where: { state: "retired", endedAt: null },
    orderBy: [{ retiredAt: "desc" }, { id: "desc" }],
    select: { id: true },
  });
  const dropped = kept.slice(keep).map((g) => g.id);
  for (const id of dropped) {
    await dropGenerationTables(tx, id);
    await tx.journeyGeneration.update({ where: { id }, data: { endedAt: now } });
  }
  return dropped;
}

export class GenerationNotKeptError extends Error {
  constructor(readonly id: number) {
    super(`generation ${id} is not a retired generation that keeps its tables; only those can be discarded or rolled back to`);
  }
}

/**
 * Drops a retired generation's tables (an admin's discard): it can no longer be rolled back to.
 * Its checkpoint row is taken first, so a rollback folding into it finishes its page first (and
 * then finds it gone). Throws GenerationNotKeptError for any other generation.
 */
export async function discardRetiredGeneration(store: Store, id: number): Promise<void> {
  await store.db.$transaction(async (tx) => {
    await rm.lockAndReadCheckpoint(tx, generationTables(id).checkpoint);
    const { count } = await tx.journeyGeneration.updateMany({ where: { id, state: "retired", endedAt: null }, data: { endedAt: new Date() } });
    if (count !== 1) throw new GenerationNotKeptError(id);
    await dropGenerationTables(tx, id);
  });
}
