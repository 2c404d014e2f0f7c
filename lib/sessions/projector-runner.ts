import type { Store } from "../db/prisma";
import { catchUp, closeIdleSessions } from "./projector";
import { sessionTimeoutMs } from "./settings";

/** How often the projector looks for events other processes appended (the import command, another server). */
export const POLL_MS = 1_000;
const CLOSE_IDLE_EVERY_MS = 15_000;

interface Runner {
  running: boolean;
  again: boolean;
  timer: NodeJS.Timeout | null;
  lastClose: number;
}

const globalRunner = globalThis as unknown as { rewindProjector?: Runner; rewindProjectorStore?: Store };

function logFailure(error: unknown) {
  // The kind of failure only: messages can quote event data, which may hold personal data.
  console.error(`[rewind] projector: ${error instanceof Error ? error.name : typeof error}`);
}

async function run(store: Store, runner: Runner) {
  if (runner.running) {
    runner.again = true;
    return;
  }
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
  } catch (error) {
    logFailure(error);
  } finally {
    runner.running = false;
  }
}

/** Starts the projector in this server process: catches up now, then polls. Idempotent. */
export function startProjector(store: Store): void {
  if (globalRunner.rewindProjector) return;
  const runner: Runner = { running: false, again: false, timer: null, lastClose: 0 };
  globalRunner.rewindProjector = runner;
  globalRunner.rewindProjectorStore = store;
  void run(store, runner);
  runner.timer = setInterval(() => void run(store, runner), POLL_MS);
  runner.timer.unref();
}

/** Asks the projector to run now (after an append), without waiting for it. */
export function nudgeProjector(): void {
  const runner = globalRunner.rewindProjector;
  const store = globalRunner.rewindProjectorStore;
  if (runner && store) void run(store, runner);
}
