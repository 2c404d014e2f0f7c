import { applyRollupDelta } from "../../analytics/rollup-store";
import type { Store } from "../../db/prisma";
import * as rm from "../projection-store";
import { LIVE_TABLES, type ReadModelTx } from "../read-model-tables";
import { DEFAULT_TIMEOUT_MS } from "../sessionize";
import { closeIdle } from "./close-idle";
import type { ProjectorOptions } from "./options";
import { stillLive } from "./still-live";

/**
 * Closes sessions that have been idle longer than the timeout (end reason `timed_out`), so a quiet
 * session does not stay live forever, in the generation the options name (the live one by
 * default). Answers how many it closed.
 */
export async function closeIdleSessions(store: Store, options: ProjectorOptions = {}): Promise<number> {
  const tables = options.tables ?? LIVE_TABLES;
  return store.db.$transaction(async (tx) => {
    await rm.lockAndReadCheckpoint(tx, tables.checkpoint);
    if (!(await stillLive(tx, tables, options))) return 0;
    return closeIdleIn({ tx, provider: store.target.provider, tables }, options);
  });
}

/** The same, in the caller's transaction, which holds the generation's checkpoint (the switch's). */
export async function closeIdleIn(m: ReadModelTx, options: ProjectorOptions): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = (options.now ?? Date.now)();
  const idle = await rm.loadIdleSessions(m, now - timeoutMs);
  const { closed, before, after } = closeIdle(idle, options.catalog);
  await rm.markTimedOut(m, closed);
  await rm.refreshUserSummaries(m, [...new Set(idle.flatMap((s) => (s.userId ? [s.userId] : [])))]);
  await applyRollupDelta(m, before, after);
  return closed.length;
}
