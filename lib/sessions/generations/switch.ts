import type { Store } from "../../db/prisma";
import { sql } from "../../db/sql";
import { readJourneyFeed } from "../../eventstore/journey-events";
import { readHeadPosition } from "../../eventstore/read";
import * as rm from "../projection-store";
import { closeIdleIn } from "../projector/close-idle-sessions";
import type { ProjectorOptions } from "../projector/options";
import { generationTables, LIVE_TABLES } from "../read-model-tables";
import { catalogOfGeneration } from "./catalogs";
import { carryAliases } from "./carry-aliases";
import { buildingGeneration, toGeneration, type Generation } from "./generation";
import { swapGenerationTables } from "./generation-tables";
import { dropRetiredBeyondKeep, keepGenerations } from "./keep";

export type SwitchResult =
  | { switched: true; generation: Generation; retired: number; aliases: number }
  | { switched: false; reason: "nothing-building" | "behind" };

/**
 * Makes the generation being built the live one, in one transaction that holds the append lock
 * (no event is appended meanwhile) and both projectors' locks: only when it has folded every
 * event there is and its counters are whole; otherwise nothing changes ("behind"). The live
 * tables are renamed to the retired generation's, the new ones to the plain names pages read.
 * The newest REWIND_KEEP_GENERATIONS retired generations keep their tables (for a rollback,
 * roll-back.ts); older ones are dropped.
 */
export async function switchWhenCaughtUp(store: Store, options: ProjectorOptions & { id?: number; keep?: number } = {}): Promise<SwitchResult> {
  const building = await buildingGeneration(store);
  if (!building || (options.id !== undefined && building.id !== options.id)) return { switched: false, reason: "nothing-building" };
  if (building.rollups !== "whole") return { switched: false, reason: "behind" };
  const tables = generationTables(building.id);
  const catalog = options.catalog ?? (await catalogOfGeneration(building));
  return store.db.$transaction(
    async (tx): Promise<SwitchResult> => {
      await tx.$executeRaw(sql`UPDATE "append_lock" SET "appends" = "appends" WHERE "id" = 1`);
      await rm.lockAndReadCheckpoint(tx, LIVE_TABLES.checkpoint);
      const position = await rm.lockAndReadCheckpoint(tx, tables.checkpoint);
      const row = await tx.journeyGeneration.findUnique({ where: { id: building.id } });
      if (row?.state !== "building") return { switched: false, reason: "nothing-building" };
      const inTx = { ...store, db: tx as never };
      if (row.rollups !== "whole" || (await readJourneyFeed(inTx, position, 1)).length > 0) return { switched: false, reason: "behind" };
      // Sessions gone idle while it was built are closed in it, as the live projector closes them.
      await closeIdleIn({ tx, provider: store.target.provider, tables }, { ...options, catalog });
      const live = await tx.journeyGeneration.findFirstOrThrow({ where: { state: "live" } });
      const aliases = await carryAliases(tx, store.target.provider, building.id);
      await swapGenerationTables(tx, live.id, building.id);
      const now = new Date();
      const head = await readHeadPosition(inTx);
      await tx.journeyGeneration.update({ where: { id: live.id }, data: { state: "retired", retiredAt: now } });
      const switched = await tx.journeyGeneration.update({ where: { id: building.id }, data: { state: "live", switchedAt: now, position, head } });
      await dropRetiredBeyondKeep(tx, options.keep ?? keepGenerations(), now);
      return { switched: true, generation: toGeneration(switched), retired: live.id, aliases };
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}
