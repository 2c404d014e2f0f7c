import { applyRollupDelta } from "../../analytics/rollup-store";
import type { Store } from "../../db/prisma";
import * as rm from "../projection-store";
import { LIVE_TABLES } from "../read-model-tables";
import { DEFAULT_TIMEOUT_MS } from "../sessionize";
import { closeIdle } from "./close-idle";
import type { ProjectorOptions } from "./options";

/**
 * Closes sessions that have been idle longer than the timeout (end reason `timed_out`), so a quiet
 * session does not stay live forever, in the generation the options name (the live one by
 * default). Answers how many it closed.
 */
export async function closeIdleSessions(store: Store, options: ProjectorOptions = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = (options.now ?? Date.now)();
  const m = { provider: store.target.provider, tables: options.tables ?? LIVE_TABLES };
  return store.db.$transaction(async (tx) => {
    const page = { ...m, tx };
    await rm.lockAndReadCheckpoint(tx, m.tables.checkpoint);
    const idle = await rm.loadIdleSessions(page, now - timeoutMs);
    const { closed, before, after } = closeIdle(idle, options.catalog);
    await rm.markTimedOut(page, closed);
    await rm.refreshUserSummaries(page, [...new Set(idle.flatMap((s) => (s.userId ? [s.userId] : [])))]);
    await applyRollupDelta(page, before, after);
    return closed.length;
  });
}
