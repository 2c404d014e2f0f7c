import type { Store } from "../db/prisma";
import { PurgeBusyError } from "./purge-lock";
import { purgeRetention } from "./purge";
import { logLine } from "../privacy/log";

const HOUR_MS = 3_600_000;

/** REWIND_RETENTION_EVERY_HOURS (default 24): how often the server applies the retention policy. */
export function retentionEveryMs(env: Record<string, string | undefined> = process.env): number {
  const hours = Number(env.REWIND_RETENTION_EVERY_HOURS ?? "24");
  if (!Number.isFinite(hours) || hours <= 0) throw new Error("REWIND_RETENTION_EVERY_HOURS must be a positive number of hours");
  // setInterval takes at most 2^31-1 ms (about 24 days); beyond it Node fires at once.
  return Math.min(hours * HOUR_MS, 2 ** 31 - 1);
}

const globalRunner = globalThis as unknown as { rewindRetention?: { running: boolean; timers: NodeJS.Timeout[] } };

/**
 * Starts the retention loop in this server process (instrumentation.ts, like the alerts loop),
 * idempotent; REWIND_RETENTION=off leaves it out. Every server may run one: the retention_lock row
 * lets one purge run at a time, and a server that finds it taken waits for its next turn.
 */
export function startRetention(store: Store): void {
  if (globalRunner.rewindRetention) return;
  const runner = { running: false, timers: [] as NodeJS.Timeout[] };
  globalRunner.rewindRetention = runner;
  const tick = async () => {
    if (runner.running) return;
    runner.running = true;
    try {
      const result = await purgeRetention(store);
      if (result.count > 0) logLine("info", `retention removed ${result.count} event(s) (${result.purgeId}); archive ${result.archive}`);
    } catch (error) {
      // The kind only: a message could quote an event's data.
      if (!(error instanceof PurgeBusyError)) logLine("error", `retention pass failed: ${error instanceof Error ? error.name : typeof error}`);
    } finally {
      runner.running = false;
    }
  };
  // A first pass a minute after start (not in the way of start-up), then one every period.
  runner.timers = [setTimeout(() => void tick(), 60_000), setInterval(() => void tick(), retentionEveryMs())];
  for (const timer of runner.timers) timer.unref();
}

/** Stops the loop (the leader lease was lost, or the server shuts down); settles once a purge under way ends. */
export async function stopRetention(): Promise<void> {
  const runner = globalRunner.rewindRetention;
  if (!runner) return;
  for (const timer of runner.timers) clearTimeout(timer);
  globalRunner.rewindRetention = undefined;
  while (runner.running) await new Promise((r) => setTimeout(r, 50));
}
