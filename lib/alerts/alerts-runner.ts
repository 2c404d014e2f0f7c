import type { Store } from "../db/prisma";
import { liveCatalogOf, liveJourneyReads, livePersonalPaths } from "../journey-store/live-catalog";
import { currentMasker } from "../privacy/policy-store";
import { deliverDue } from "./deliver";
import { fireStalledAlerts } from "./evaluate";
import { webhookAllowList } from "./webhook-guard";
import { logLine } from "../privacy/log";

/** How often rules are evaluated and due deliveries sent: a minute's rule fires within this much of its minute. */
export const ALERTS_EVERY_MS = 15_000;

interface Runner {
  running: boolean;
  failures: number;
  timer: NodeJS.Timeout | undefined;
}

const globalRunner = globalThis as unknown as { rewindAlerts?: Runner };

/** One pass at `now`: rules evaluated on the store's clock, then every due delivery this process can claim. */
export async function runAlertsOnce(store: Store, now = Date.now()): Promise<{ fired: number; sent: number }> {
  const [catalog, paths, reads] = await Promise.all([liveCatalogOf(store, now), livePersonalPaths(store), liveJourneyReads(store)]);
  const masker = await currentMasker(store, now, paths, reads);
  const fired = await fireStalledAlerts(store, { now, catalog, mask: (text) => masker.text(text) });
  const sent = await deliverDue(store, { now, allow: webhookAllowList() });
  return { fired: fired.length, sent };
}

/**
 * Starts the evaluator and the delivery loop in this server process, beside the projector
 * (instrumentation.ts), idempotent. Every server may run one: firing is once per session by a
 * unique index and a delivery is sent by the server that claimed it (docs/alerts.md).
 */
export function startAlerts(store: Store): void {
  if (globalRunner.rewindAlerts) return;
  const runner: Runner = { running: false, failures: 0, timer: undefined };
  globalRunner.rewindAlerts = runner;
  const tick = async () => {
    if (runner.running) return;
    runner.running = true;
    try {
      const { fired } = await runAlertsOnce(store);
      if (fired > 0) logLine("info", `${fired} stalled-journey alert(s) fired`);
      runner.failures = 0;
    } catch (error) {
      // The kind only: a message could quote a session's data.
      runner.failures += 1;
      logLine("error", `alerts pass failed (${runner.failures} in a row): ${error instanceof Error ? error.name : typeof error}`);
    } finally {
      runner.running = false;
    }
  };
  runner.timer = setInterval(() => void tick(), ALERTS_EVERY_MS);
  runner.timer.unref();
}

/** Stops the loop (the leader lease was lost, or the server shuts down); settles once a pass under way ends. */
export async function stopAlerts(): Promise<void> {
  const runner = globalRunner.rewindAlerts;
  if (!runner) return;
  clearInterval(runner.timer);
  globalRunner.rewindAlerts = undefined;
  while (runner.running) await new Promise((r) => setTimeout(r, 50));
}
