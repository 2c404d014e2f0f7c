import type { Store } from "../db/prisma";
import { catchUp, closeIdleSessions, rebuildProjections, repairDailyRollups, repairSummaries } from "./projector";
import { sessionTimeoutMs } from "./settings";

/** How often the projector looks for events other processes appended (the import command, another server). */
export const POLL_MS = 1_000;
const CLOSE_IDLE_EVERY_MS = 15_000;

interface Runner {
  running: boolean;
  again: boolean;
  timer: NodeJS.Timeout | null;
  lastClose: number;
  /** consecutive failures, and when to try again: a page that keeps failing is retried ever less often */
  failures: number;
  retryAt: number;
}

const globalRunner = globalThis as unknown as { rewindProjector?: Runner; rewindProjectorStore?: Store };

function logFailure(error: unknown, failures: number) {
  // The kind of failure only: messages can quote event data, which may hold personal data.
  const code = (error as { code?: unknown } | null)?.code;
  const kind = `${error instanceof Error ? error.name : typeof error}${typeof code === "string" ? ` ${code}` : ""}`;
  console.error(`[rewind] projector failed (${failures} in a row; retrying with backoff): ${kind}`);
}

async function run(store: Store, runner: Runner) {
  if (runner.running) {
    runner.again = true;
    return;
  }
  if (Date.now() < runner.retryAt) return;
  runner.running = true;
  try {
    do {
      runner.again = false;
      const options = { timeoutMs: sessionTimeoutMs() };
      await catchUp(store, options);
      if (Date.now() - runner.lastClose > CLOSE_IDLE_EVERY_MS) {
        runner.lastClose = Date.now();
        await closeIdleSessions(store, options);
      }
    } while (runner.again);
    runner.failures = 0;
  } catch (error) {
    runner.failures += 1;
    runner.retryAt = Date.now() + Math.min(60_000, 1_000 * 2 ** runner.failures);
    logFailure(error, runner.failures);
  } finally {
    runner.running = false;
  }
}

/**
 * Sessions projected before analytics existed (migration 0006) have no facts: the read models are
 * rebuilt once, at start, so every page counts every session. A store projected since costs one
 * indexed probe.
 */
async function backfillAnalytics(store: Store): Promise<void> {
  const stale = await store.db.session.findFirst({ where: { analyticsDay: null }, select: { id: true } });
  if (!stale) return;
  console.log("[rewind] sessions without analytics facts: rebuilding the read models once…");
  await rebuildProjections(store);
}

/** Starts the projector in this server process: catches up now, then polls. Idempotent. */
export function startProjector(store: Store): void {
  if (globalRunner.rewindProjector) return;
  const runner: Runner = { running: false, again: false, timer: null, lastClose: 0, failures: 0, retryAt: 0 };
  globalRunner.rewindProjector = runner;
  globalRunner.rewindProjectorStore = store;
  // A rebuild that stopped before refreshing its summaries leaves users without one: repair first.
  void backfillAnalytics(store)
    .then(() => repairDailyRollups(store))
    .then(() => repairSummaries(store))
    .catch((error: unknown) => logFailure(error, 1))
    .finally(() => void run(store, runner));
  runner.timer = setInterval(() => void run(store, runner), POLL_MS);
  runner.timer.unref();
}

/** Asks the projector to run now (after an append), without waiting for it. */
export function nudgeProjector(): void {
  const runner = globalRunner.rewindProjector;
  const store = globalRunner.rewindProjectorStore;
  if (runner && store) void run(store, runner);
}
