import type { Prisma } from "../../generated/sqlite/client";
import { LIVE_TABLES, type ReadModelTables } from "../read-model-tables";
import type { ProjectorOptions } from "./options";

/**
 * Asked under the live checkpoint's lock, which a switch and a rollback take too: whether the
 * generation the caller's catalog is of is still the live one. Folds into other tables, or without
 * a generation named, are not asked about.
 */
export async function stillLive(tx: Prisma.TransactionClient, tables: ReadModelTables, options: ProjectorOptions): Promise<boolean> {
  if (options.liveGeneration === undefined || tables !== LIVE_TABLES) return true;
  const live = await tx.journeyGeneration.findFirst({ where: { state: "live" }, select: { id: true } });
  return live?.id === options.liveGeneration;
}
