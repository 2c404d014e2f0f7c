import type { Store } from "../db/prisma";
import { journeyDocumentSchema } from "../journeys/definition/definition-schema";
import { computeWhatIf, type WhatIfOptions } from "./compute-what-if";
import { beatWhatIfJob, deleteOldWhatIfJobs, finishWhatIfJob, HEARTBEAT_MS, readWhatIfJob, recordWhatIfProgress } from "./job-store";

/** Progress is written at most this often: a row update per page would be most of a small fold's writes. */
const PROGRESS_EVERY_MS = 250;

/**
 * Runs a recorded job to its end in this process: folds, writing progress as it goes, and stops at
 * the next page or slice once the job is no longer running (cancelled). The result is written only
 * while the job is still running, so a cancelled job never gains one. A failure is recorded by its
 * kind (never a message that could quote event data).
 */
export async function runWhatIfJob(store: Store, id: string, options: Omit<WhatIfOptions, "onProgress"> = {}): Promise<void> {
  const job = await readWhatIfJob(store, id);
  if (job?.state !== "running") return;
  let last = 0;
  let total = 0;
  // Alive while this process folds it, whatever the fold is doing: other nodes fail it once this stops.
  const heartbeat = setInterval(() => void beatWhatIfJob(store, id).catch(() => false), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const document = journeyDocumentSchema.parse(JSON.parse(job.document));
    const result = await computeWhatIf(
      store,
      document,
      { from: job.from, to: job.to },
      {
        ...options,
        onProgress: async (done, of) => {
          total = of;
          const now = Date.now();
          if (now - last < PROGRESS_EVERY_MS && done < of) return (await readWhatIfJob(store, id))?.state === "running";
          last = now;
          return recordWhatIfProgress(store, id, done, of);
        },
      },
    );
    if (result) await finishWhatIfJob(store, id, { state: "done", result, done: total });
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const kind = `${error instanceof Error ? error.name : typeof error}${typeof code === "string" && /^[\w.-]{1,40}$/.test(code) ? ` ${code}` : ""}`;
    await finishWhatIfJob(store, id, { state: "failed", error: `the what-if fold failed (${kind}); nothing was written to the read models` }).catch(
      () => false,
    );
  } finally {
    clearInterval(heartbeat);
    await deleteOldWhatIfJobs(store).catch(() => 0);
  }
}
