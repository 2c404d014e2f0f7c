import type { Store } from "../../db/prisma";
import { sql, type Tx } from "../../db/sql";
import { readHeadPosition } from "../../eventstore/read";
import { errorKindOf, isTransientFailure, readCheckpointPosition, storeAnswers } from "../dead-letters";
import { REBUILD_PAGE, type ProjectorOptions } from "../projector/options";
import { projectNextPage } from "../projector/project-page";
import { generationTables } from "../read-model-tables";
import { catalogOfGeneration } from "./catalogs";
import { buildingGeneration, readGeneration, type GenerationState } from "./generation";
import { recomputeRollups } from "./recompute-rollups";
import { endBuild } from "./start";
import { logLine } from "../../privacy/log";

export interface BuildProgress {
  id: number;
  state: GenerationState;
  /** events this step read */
  read: number;
  position: number;
  head: number;
  /** nothing left to fold and its counters are whole: it can switch */
  caughtUp: boolean;
}

const stillDeferring = (id: number) => async (tx: Tx) => {
  const rows = await tx.$queryRaw<{ rollups: string }[]>(sql`SELECT "rollups" FROM "journey_generations" WHERE "id" = ${id}`);
  return rows[0]?.rollups === "deferred";
};

/**
 * One step of building the generation being built: one page after its own checkpoint, folded into
 * its tables with its catalog, while the live projector goes on with the live tables. Once it
 * has read everything, its counters and summaries are made whole. A page that fails while the
 * store answers (not a busy store: that is thrown, for the caller's backoff) ends the build: the
 * generation is marked failed, its tables are dropped, the live one is untouched. Answers null
 * when nothing is being built.
 */
export async function buildGenerationStep(store: Store, options: ProjectorOptions = {}): Promise<BuildProgress | null> {
  const generation = await buildingGeneration(store);
  if (!generation) return null;
  const { id } = generation;
  const tables = generationTables(id);
  let read = 0;
  try {
    const catalog = options.catalog ?? (await catalogOfGeneration(generation));
    read = await projectNextPage(store, {
      ...options,
      pageSize: options.pageSize ?? REBUILD_PAGE,
      catalog,
      tables,
      deferredDays: new Set(),
      deferredUsers: new Set(),
      deferWhile: stillDeferring(id),
    });
    if (read === 0 && generation.rollups !== "whole") await recomputeRollups(store, id);
  } catch (error) {
    if (isTransientFailure(error) || !(await storeAnswers(store))) throw error;
    const ended = await store.db.$transaction((tx) => endBuild(tx, id, errorKindOf(error)));
    // The kind only: the message can quote an event.
    if (ended) logLine("error", `building generation ${id} of the read models failed (${errorKindOf(error)}); the live one is untouched`);
    const now = await readGeneration(store, id);
    return { id, state: now?.state ?? "failed", read, position: now?.position ?? 0, head: now?.head ?? 0, caughtUp: false };
  }
  const [position, head] = [await readCheckpointPosition(store, tables.checkpoint), await readHeadPosition(store)];
  await store.db.journeyGeneration.updateMany({ where: { id, state: "building" }, data: { position, head } });
  return { id, state: "building", read, position, head, caughtUp: read === 0 };
}
