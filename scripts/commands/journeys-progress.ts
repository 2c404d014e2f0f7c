import { SingleBar } from "cli-progress";
import type { Store } from "../../lib/db/prisma";
import { buildUntilSwitched } from "../../lib/sessions/generations";
import { progressWords } from "../../lib/sessions/generations/progress-line";
import { sessionTimeoutMs } from "../../lib/sessions/settings";

/**
 * Builds the new generation in the foreground and switches it in, with a progress bar (a running
 * server may build it at the same time: each page is folded by one builder). Pages keep reading the
 * live generation until the switch.
 */
export async function followGeneration(store: Store, id: number): Promise<void> {
  const started = performance.now();
  const bar = process.stdout.isTTY ? new SingleBar({ format: `Generation ${id} {bar} {value}/{total} events`, hideCursor: true, clearOnComplete: true }) : null;
  bar?.start(1, 0);
  let printedAt = 0;
  try {
    const events = await buildUntilSwitched(store, id, { timeoutMs: sessionTimeoutMs() }, (p) => {
      bar?.setTotal(Math.max(p.head, 1));
      bar?.update(Math.min(p.position, Math.max(p.head, 1)));
      // Without a terminal (a log, CI), a line every two seconds instead of a bar.
      if (!bar && performance.now() - printedAt > 2_000) {
        printedAt = performance.now();
        console.log(`Preparing generation ${id} of the read models: ${progressWords(p.position, p.head)}`);
      }
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    console.log(`Generation ${id} of the read models is live: ${events} events folded again in ${seconds.toFixed(1)} s.`);
  } catch (error) {
    bar?.stop();
    throw error;
  }
}
