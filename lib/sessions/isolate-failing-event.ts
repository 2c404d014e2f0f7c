import type { Store } from "../db/prisma";
import { errorKindOf, isSetAside, isTransientFailure, readCheckpointPosition, recordFailedRetry, setAsideNextEvent, storeAnswers } from "./dead-letters";
import { CHECKPOINT, type ProjectorOptions } from "./projector/options";
import { catalogOfGeneration } from "./generations/catalogs";
import { buildingGeneration, type Generation, keptGenerations } from "./generations/generation";
import { discardRetiredGeneration } from "./generations/keep";
import { projectNextPage } from "./projector/project-page";
import { generationTables } from "./read-model-tables";
import { logLine } from "../privacy/log";

/**
 * One page, and when it fails, the same events one at a time: the event that cannot be folded
 * (nested past SQLite's JSON depth of 1,000, say, written by an older version or another writer)
 * is set aside as a dead letter and every event after it is still projected. A single event is
 * tried twice before it is set aside, and a failure while the store does not answer is the
 * store's: it is thrown, for the runner's backoff, and nothing is set aside. Answers how many
 * events it read (set-aside ones included).
 */
export async function projectPageOrSetAside(store: Store, options: ProjectorOptions): Promise<number> {
  try {
    return await projectNextPage(store, options);
  } catch (pageError) {
    if (!(await storeAnswers(store))) throw pageError;
  }
  const size = options.pageSize ?? 5_000;
  let read = 0;
  while (read < size) {
    const single = { ...options, pageSize: 1 };
    const failedAfter = await readCheckpointPosition(store, CHECKPOINT);
    try {
      const n = await projectNextPage(store, single).catch(() => projectNextPage(store, single));
      if (n === 0) break;
      read += n;
    } catch (error) {
      if (isTransientFailure(error) || !(await storeAnswers(store))) throw error;
      const position = await setAsideNextEvent(store, CHECKPOINT, error, failedAfter);
      if (position === undefined) continue; // another projector moved on meanwhile: nothing known bad
      if (position === null) break;
      // The position and the kind only: the message can quote the event.
      logLine("error", `projector set event ${position} aside (${errorKindOf(error)}); see /admin/dead-letters`);
      read += 1;
    }
  }
  return read;
}

/** Folds a set-aside event again (after a fix): true when it is now in its session. */
export async function retryDeadLetter(store: Store, position: number, options: ProjectorOptions = {}): Promise<boolean | null> {
  // Only an event that is set aside: any other position is not this action's to fold.
  if (!(await isSetAside(store, position))) return null;
  try {
    const folded = (await projectNextPage(store, { ...options, only: position })) === 1;
    if (folded) await foldIntoOtherGenerations(store, position, options);
    return folded;
  } catch (error) {
    await recordFailedRetry(store, position, error);
    return false;
  }
}

/**
 * A generation being built skipped the event while it was set aside: if it has passed it already,
 * it folds it now too (otherwise its own pages reach it; project-page.ts checks under its lock),
 * so the switch does not lose it. Kept generations likewise: one retired after the event was set
 * aside has passed it, and a rollback would bring back sessions without it (one that cannot fold
 * it is discarded).
 */
async function foldIntoOtherGenerations(store: Store, position: number, options: ProjectorOptions): Promise<void> {
  const foldInto = async (generation: Generation) =>
    projectNextPage(store, { ...options, only: position, tables: generationTables(generation.id), catalog: await catalogOfGeneration(generation) });
  const building = await buildingGeneration(store);
  if (building) await foldInto(building);
  for (const kept of await keptGenerations(store)) {
    try {
      await foldInto(kept);
    } catch (error) {
      // It folds for the live generation now: a kept one that cannot would bring back sessions without it, so it is no longer kept.
      logLine("error", `kept generation ${kept.id} could not fold a retried event (${errorKindOf(error)}); it is discarded`);
      await discardRetiredGeneration(store, kept.id);
    }
  }
}
