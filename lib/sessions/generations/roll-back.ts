import { yieldToEventLoop } from "../../db/event-loop";
import type { Store } from "../../db/prisma";
import { sql } from "../../db/sql";
import type { Prisma } from "../../generated/sqlite/client";
import { readJourneyFeed } from "../../eventstore/journey-events";
import { readHeadPosition } from "../../eventstore/read";
import { readCheckpointPosition } from "../dead-letters";
import * as rm from "../projection-store";
import { closeIdleIn } from "../projector/close-idle-sessions";
import { REBUILD_PAGE, type ProjectorOptions } from "../projector/options";
import { projectNextPage } from "../projector/project-page";
import { generationTables, LIVE_TABLES } from "../read-model-tables";
import type { BuiltInFold } from "../../journeys/built-in-folds";
import { builtInFoldChanges } from "./built-in-versions";
import { carryAliases } from "./carry-aliases";
import { catalogOfGeneration } from "./catalogs";
import { newestKeptGeneration, readGeneration, toGeneration, type Generation } from "./generation";
import { swapGenerationTables } from "./generation-tables";
import { dropRetiredBeyondKeep, keepGenerations } from "./keep";
import { endBuild } from "./start";

export class RollbackRefusedError extends Error {}

export interface RollBackOptions extends ProjectorOptions {
  keep?: number;
  /** this release's built-in folds (tests give others) */
  builtInFolds?: readonly BuiltInFold[];
  /** how far the generation being brought back has caught up (once per page it folds) */
  onProgress?: (progress: { id: number; position: number; head: number }) => void;
  /**
   * In the swap's transaction: the definitions map the restored generation is to carry (the
   * journey store records the rollback in each definition's history and answers the new versions).
   */
  recordDefinitions?: (tx: Prisma.TransactionClient, restored: Generation, retiring: Generation) => Promise<Record<string, number>>;
}

export type RollBackResult = { generation: Generation; retired: number; folded: number; aliases: number };

/** A swap that finds new events appended since the last catch-up page folds them and tries again, this many times. */
const SWAP_ATTEMPTS = 100;

/**
 * Brings the retired generation retired last back in, in place of the live one: first the events
 * appended since it was retired are folded into its tables (the projector's own page code, so its
 * counters and summaries stay exact), then, under the locks the switch takes (appends, both
 * generations' checkpoints), its tables and the live ones swap names. The live one becomes retired
 * and keeps its tables (so a rollback can be undone); a generation being built is superseded (it
 * folds with what is being rolled back). Refused when none is kept, or when it was folded with a
 * built-in fold this release no longer has (its newer events would be folded with another).
 */
export async function rollBackGeneration(store: Store, options: RollBackOptions = {}): Promise<RollBackResult> {
  const target = await newestKeptGeneration(store);
  if (!target) throw new RollbackRefusedError("no retired generation keeps its tables: there is nothing to roll back to");
  const changed = builtInFoldChanges(target.definitions, options.builtInFolds);
  if (changed.length > 0) {
    throw new RollbackRefusedError(
      `generation ${target.id} was folded with ${changed.join(", ")}; this release folds differently, so it cannot be brought back`,
    );
  }
  const tables = generationTables(target.id);
  const catalog = options.catalog ?? (await catalogOfGeneration(target));
  const fold = { ...options, catalog, tables, pageSize: options.pageSize ?? REBUILD_PAGE, deferredDays: undefined, deferredUsers: undefined };
  let folded = 0;
  for (let attempt = 0; attempt < SWAP_ATTEMPTS; attempt++) {
    for (;;) {
      if ((await readGeneration(store, target.id))?.endedAt !== null) throw new RollbackRefusedError(`generation ${target.id} was discarded meanwhile`);
      const read = await projectNextPage(store, fold);
      folded += read;
      const [position, head] = [await readCheckpointPosition(store, tables.checkpoint), await readHeadPosition(store)];
      await store.db.journeyGeneration.updateMany({ where: { id: target.id, state: "retired" }, data: { position, head } });
      options.onProgress?.({ id: target.id, position, head });
      if (read === 0) break;
      await yieldToEventLoop();
    }
    const swapped = await swapBack(store, target.id, { ...options, catalog });
    if (swapped) return { ...swapped, folded };
  }
  throw new RollbackRefusedError("events kept arriving faster than the rollback could fold them; try again");
}

/** The swap itself, once the target has folded every event; null when an event arrived since (fold it and try again). */
async function swapBack(store: Store, id: number, options: RollBackOptions): Promise<Omit<RollBackResult, "folded"> | null> {
  const tables = generationTables(id);
  return store.db.$transaction(
    async (tx) => {
      await tx.$executeRaw(sql`UPDATE "append_lock" SET "appends" = "appends" WHERE "id" = 1`);
      await rm.lockAndReadCheckpoint(tx, LIVE_TABLES.checkpoint);
      const position = await rm.lockAndReadCheckpoint(tx, tables.checkpoint);
      const row = await tx.journeyGeneration.findUnique({ where: { id } });
      if (row?.state !== "retired" || row.endedAt !== null) throw new RollbackRefusedError(`generation ${id} is no longer kept (${row?.state ?? "gone"})`);
      const inTx = { ...store, db: tx as never };
      if ((await readJourneyFeed(inTx, position, 1)).length > 0) return null;
      for (const building of await tx.journeyGeneration.findMany({ where: { state: "building" }, select: { id: true } })) {
        await endBuild(tx, building.id, "superseded");
      }
      await closeIdleIn({ tx, provider: store.target.provider, tables }, options);
      const live = await tx.journeyGeneration.findFirstOrThrow({ where: { state: "live" } });
      const definitions = options.recordDefinitions ? await options.recordDefinitions(tx, toGeneration(row), toGeneration(live)) : row.definitions;
      const aliases = await carryAliases(tx, store.target.provider, id);
      await swapGenerationTables(tx, live.id, id);
      const now = new Date();
      const head = await readHeadPosition(inTx);
      await tx.journeyGeneration.update({ where: { id: live.id }, data: { state: "retired", retiredAt: now } });
      const restored = await tx.journeyGeneration.update({
        where: { id },
        data: { state: "live", switchedAt: now, retiredAt: null, position, head, definitions: definitions as never },
      });
      await dropRetiredBeyondKeep(tx, options.keep ?? keepGenerations(), now);
      return { generation: toGeneration(restored), retired: live.id, aliases };
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}
