import { refreshDailyRollups } from "../../analytics/rollup-store";
import { ident } from "../../db/names";
import type { Store } from "../../db/prisma";
import { sql } from "../../db/sql";
import * as rm from "../projection-store";
import { generationTables, type ReadModelTx } from "../read-model-tables";

const DAYS_PER_STEP = 31;
const USERS_PER_STEP = 5_000;

/**
 * A generation folded from the start defers its daily counters and user summaries (a user's
 * sessions span pages, so refreshing them per page would redo most of the work); once it has
 * caught up they are made here, whole, from its sessions, in steps under its lock. Pages from the
 * moment this starts write them as they go (the generation's `rollups` is no longer "deferred"),
 * so a day recomputed here and a page before or after it agree. Stopped midway (a restart), it
 * runs again from the start.
 */
export async function recomputeRollups(store: Store, id: number): Promise<void> {
  const tables = generationTables(id);
  const provider = store.target.provider;
  const sessions = ident(tables.sessions);
  const { days, users } = await store.db.$transaction(async (tx) => {
    await rm.lockAndReadCheckpoint(tx, tables.checkpoint);
    await tx.journeyGeneration.updateMany({ where: { id, state: "building" }, data: { rollups: "recomputing" } });
    const dayRows = await tx.$queryRaw<{ day: string }[]>(sql`SELECT DISTINCT "analytics_day" AS "day" FROM ${sessions} WHERE "analytics_day" IS NOT NULL`);
    const userRows = await tx.$queryRaw<{ user_id: string }[]>(sql`SELECT DISTINCT "user_id" FROM ${sessions} WHERE "user_id" IS NOT NULL`);
    return { days: dayRows.map((r) => r.day).sort(), users: userRows.map((r) => r.user_id) };
  });
  const steps: ((m: ReadModelTx) => Promise<void>)[] = [];
  for (let i = 0; i < days.length; i += DAYS_PER_STEP) steps.push((m) => refreshDailyRollups(m, days.slice(i, i + DAYS_PER_STEP)));
  for (let i = 0; i < users.length; i += USERS_PER_STEP) steps.push((m) => rm.refreshUserSummaries(m, users.slice(i, i + USERS_PER_STEP)));
  for (const step of steps) {
    await store.db.$transaction(
      async (tx) => {
        await rm.lockAndReadCheckpoint(tx, tables.checkpoint);
        await step({ tx, provider, tables });
      },
      { maxWait: 60_000, timeout: 300_000 },
    );
  }
  await store.db.$transaction(async (tx) => {
    await rm.lockAndReadCheckpoint(tx, tables.checkpoint);
    await tx.journeyGeneration.updateMany({ where: { id, state: "building", rollups: "recomputing" }, data: { rollups: "whole" } });
  });
}
