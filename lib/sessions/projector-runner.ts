import { yieldToEventLoop } from "../db/event-loop";
import type { Store } from "../db/prisma";
import { buildGenerationStep, buildingGeneration, liveGeneration, startGeneration, startReleaseGeneration, switchWhenCaughtUp } from "./generations";
import { catalogOfGeneration } from "./generations/catalogs";
import { catchUp, closeIdleSessions, repairDailyRollups, repairSummaries } from "./projector";
import type { ProjectorOptions } from "./projector/options";
import { sessionTimeoutMs } from "./settings";
import { logLine } from "../privacy/log";

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
  logLine("error", `projector failed (${failures} in a row; retrying with backoff): ${kind}`);
}

/**
 * One page of the generation being built (a rebuild, changed journeys), if any, between the live
 * projector's pages; it switches in once it has caught up. Answers whether there is more to build.
 */
async function buildStep(store: Store, options: ProjectorOptions): Promise<boolean> {
  const step = await buildGenerationStep(store, options);
  if (step?.state !== "building") return false;
  await yieldToEventLoop();
  if (!step.caughtUp) return true;
  const result = await switchWhenCaughtUp(store, { ...options, id: step.id });
  if (result.switched) logLine("info", `generation ${step.id} of the read models is live (${result.aliases} session ids kept as aliases)`);
  return !result.switched && result.reason === "behind";
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
      // Its pages fold only while this generation is live: a switch or a rollback from elsewhere stops them, and the next run reads the new one.
      const current = await liveGeneration(store);
      const live = { ...options, catalog: await catalogOfGeneration(current), liveGeneration: current.id };
      await catchUp(store, live);
      if ((await liveGeneration(store)).id !== current.id) runner.again = true;
      if (await buildStep(store, options)) runner.again = true;
      if (Date.now() - runner.lastClose > CLOSE_IDLE_EVERY_MS) {
        runner.lastClose = Date.now();
        await closeIdleSessions(store, live);
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
 * Sessions projected before analytics existed (migration 0006), or whose facts a migration
 * cleared (0014), have none: a new generation is built once, at start, and switched in, so every
 * page counts every session (pages show the current one until then). A store projected since
 * costs one indexed probe.
 */
async function backfillAnalytics(store: Store): Promise<void> {
  const stale = await store.db.session.findFirst({ where: { analyticsDay: null }, select: { id: true } });
  if (!stale || (await buildingGeneration(store))) return;
  logLine("info", "sessions without analytics facts: building a new generation of the read models once…");
  const live = await liveGeneration(store);
  await startGeneration(store, { definitions: live.definitions, catalog: await catalogOfGeneration(live), reason: "analytics backfill" });
}

async function releaseGeneration(store: Store): Promise<void> {
  const started = await startReleaseGeneration(store);
  if (started) logLine("info", `${started.reason}: building generation ${started.id} of the read models; pages show the current one until it is ready`);
}

/** Starts the projector in this server process: catches up now, then polls. Idempotent. */
export function startProjector(store: Store): void {
  if (globalRunner.rewindProjector) return;
  const runner: Runner = { running: false, again: false, timer: null, lastClose: 0, failures: 0, retryAt: 0 };
  globalRunner.rewindProjector = runner;
  globalRunner.rewindProjectorStore = store;
  // A release whose built-in fold changed folds everything again beside the live generation first
  // (switched in when caught up); a rebuild that stopped before refreshing its summaries leaves
  // users without one: repair first.
  void releaseGeneration(store)
    .then(() => backfillAnalytics(store))
    .then(() => repairDailyRollups(store))
    .then(() => repairSummaries(store))
    .catch((error: unknown) => logFailure(error, 1))
    .finally(() => void run(store, runner));
  runner.timer = setInterval(() => void run(store, runner), POLL_MS);
  runner.timer.unref();
}

const settle = (isBusy: () => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => (isBusy() ? setTimeout(check, 50) : resolve());
    check();
  });

/**
 * Stops this process's projector (it lost the leader lease, or the server shuts down): no new run
 * starts, and it settles once the run under way has finished its pages (each page is one
 * transaction: a process killed meanwhile loses nothing, the page folds again elsewhere).
 */
export async function stopProjector(): Promise<void> {
  const runner = globalRunner.rewindProjector;
  if (!runner) return;
  if (runner.timer) clearInterval(runner.timer);
  globalRunner.rewindProjector = undefined;
  await settle(() => runner.running);
}

/** Asks the projector to run now (after an append), without waiting for it. */
export function nudgeProjector(): void {
  const runner = globalRunner.rewindProjector;
  const store = globalRunner.rewindProjectorStore;
  if (runner && store) void run(store, runner);
}

/** Whether this process's projector's last run failed; null when it runs in no process here. */
export function projectorFailing(): boolean | null {
  const runner = globalRunner.rewindProjector;
  return runner ? runner.failures > 0 : null;
}
