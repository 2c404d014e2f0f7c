import { applyRollupDelta, refreshDailyRollups } from "../analytics/rollup-store";
import { yieldToEventLoop } from "../db/event-loop";
import { ident } from "../db/names";
import type { Store } from "../db/prisma";
import { sql } from "../db/sql";
import { projectPageOrSetAside } from "./isolate-failing-event";
import * as rm from "./projection-store";
import { closeIdle } from "./projector/close-idle";
import { CHECKPOINT, REBUILD_PAGE, type ProjectorOptions } from "./projector/options";
import { DEFAULT_TIMEOUT_MS } from "./sessionize";

export { CHECKPOINT, REBUILD_PAGE, type ProjectorOptions } from "./projector/options";
export { projectNextPage } from "./projector/project-page";

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
 * Closes sessions that have been idle longer than the timeout (end reason `timed_out`), so a quiet
 * session does not stay live forever. Answers how many it closed.
 */
export async function closeIdleSessions(store: Store, options: ProjectorOptions = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = (options.now ?? Date.now)();
  const provider = store.target.provider;
  return store.db.$transaction(async (tx) => {
    await rm.lockAndReadCheckpoint(tx, CHECKPOINT);
    const idle = await rm.loadIdleSessions(tx, provider, now - timeoutMs);
    const { closed, before, after } = closeIdle(idle, options.catalog);
    await rm.markTimedOut(tx, provider, closed);
    await rm.refreshUserSummaries(tx, provider, [...new Set(idle.flatMap((s) => (s.userId ? [s.userId] : [])))]);
    await applyRollupDelta(tx, provider, before, after);
    return closed.length;
  });
}

const READ_MODELS = [
  "identity_links",
  "correlation_owners",
  "sessions",
  "session_blocks",
  "user_summaries",
  "user_search_terms",
  "analytics_daily",
  "analytics_daily_gaps",
] as const;

/** Empties the session read models and projects the whole store again, page by page. */
export async function rebuildProjections(store: Store, options: ProjectorOptions = {}): Promise<number> {
  await store.db.$transaction(async (tx) => {
    await rm.lockAndReadCheckpoint(tx, CHECKPOINT);
    // Aliases are kept: they record ids that once existed, and a rebuild derives the same ids.
    // Customers' references (user_references) are kept too: they are not derived, they are given.
    for (const table of READ_MODELS) await tx.$executeRaw(sql`DELETE FROM ${ident(table)}`);
    await rm.writeCheckpoint(tx, CHECKPOINT, 0);
  });
  const deferredUsers = new Set<string>();
  const deferredDays = new Set<string>();
  const events = await catchUp(store, { pageSize: REBUILD_PAGE, ...options, deferredUsers, deferredDays });
  const users = [...deferredUsers];
  for (let i = 0; i < users.length; i += REBUILD_PAGE) {
    await store.db.$transaction(async (tx) => {
      await rm.lockAndReadCheckpoint(tx, CHECKPOINT);
      await rm.refreshUserSummaries(tx, store.target.provider, users.slice(i, i + REBUILD_PAGE));
    });
  }
  const days = [...deferredDays].sort();
  for (let i = 0; i < days.length; i += 31) {
    await store.db.$transaction(
      async (tx) => {
        await rm.lockAndReadCheckpoint(tx, CHECKPOINT);
        await refreshDailyRollups(tx, store.target.provider, days.slice(i, i + 31));
      },
      { maxWait: 60_000, timeout: 300_000 },
    );
  }
  return events;
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
        tx,
        store.target.provider,
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
      return rm.repairUserSummaries(tx, store.target.provider);
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}
