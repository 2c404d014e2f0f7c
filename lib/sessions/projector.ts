import { refreshDailyRollups } from "../analytics/rollup-store";
import { yieldToEventLoop } from "../db/event-loop";
import type { Store } from "../db/prisma";
import { sql } from "../db/sql";
import { projectPageOrSetAside } from "./isolate-failing-event";
import * as rm from "./projection-store";
import { CHECKPOINT, type ProjectorOptions } from "./projector/options";
import { LIVE_TABLES } from "./read-model-tables";

export { CHECKPOINT, REBUILD_PAGE, type ProjectorOptions } from "./projector/options";
export { projectNextPage } from "./projector/project-page";
export { closeIdleSessions } from "./projector/close-idle-sessions";
export { rebuildProjections } from "./generations/rebuild";

/** Projects every page there is; answers how many events it read. */
export async function catchUp(store: Store, options: ProjectorOptions = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await projectPageOrSetAside(store, options);
    if (n === 0) return total;
    total += n;
    // The server answers requests between pages, however much there is to catch up.
    await yieldToEventLoop();
  }
}

/**
 * Recomputes the counters of days that have sessions but no counters (a rebuild stopped before its
 * last step, which recomputes the days at the end); answers how many days.
 */
export async function repairDailyRollups(store: Store): Promise<number> {
  return store.db.$transaction(
    async (tx) => {
      await rm.lockAndReadCheckpoint(tx, CHECKPOINT);
      const rows = await tx.$queryRaw<{ analytics_day: string }[]>(
        sql`SELECT DISTINCT s."analytics_day" FROM "sessions" s WHERE s."analytics_day" IS NOT NULL AND NOT EXISTS
          (SELECT 1 FROM "analytics_daily" d WHERE d."day" = s."analytics_day" AND d."journey" = s."journey" AND d."kind" = 'sessions')`,
      );
      await refreshDailyRollups(
        { tx, provider: store.target.provider, tables: LIVE_TABLES },
        rows.map((r) => r.analytics_day),
      );
      return rows.length;
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}

/** Summarises users whose sessions have no summary yet; answers how many. */
export async function repairSummaries(store: Store): Promise<number> {
  return store.db.$transaction(
    async (tx) => {
      await rm.lockAndReadCheckpoint(tx, CHECKPOINT);
      return rm.repairUserSummaries({ tx, provider: store.target.provider, tables: LIVE_TABLES });
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}
