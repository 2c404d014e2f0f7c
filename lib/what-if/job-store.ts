import { randomUUID } from "node:crypto";
import type { Store } from "../db/prisma";
import { decodeJson } from "../db/sql";
import type { WhatIfResult } from "./what-if-result";

export type WhatIfState = "running" | "done" | "failed" | "cancelled";

/** One row of what_if_jobs, as the rest of the code sees it. */
export interface WhatIfJob {
  id: string;
  name: string;
  document: string;
  from: string;
  to: string;
  state: WhatIfState;
  done: number;
  total: number;
  result: WhatIfResult | null;
  error: string | null;
  requestedBy: string;
  createdAt: Date;
  finishedAt: Date | null;
  heartbeatAt: Date | null;
}

/** Finished jobs are kept this long (a page reload, a CLI poll), then deleted. */
export const KEEP_FINISHED_MS = 24 * 60 * 60 * 1000;

/** The message a job cut off by a restart ends with: it names what happened, never event content. */
export const RESTARTED = "the server stopped while this what-if was running (a restart or a crash), so it did not finish; start it again";

/**
 * The node folding a job says it is alive this often (lib/what-if/run-job.ts); a running job not
 * heard from for STALE_MS was cut off with its node. Wide enough for nodes' clocks to differ a little
 * and for a busy event loop to be late, short enough that nobody waits long to start it again.
 */
export const HEARTBEAT_MS = 5_000;
export const STALE_MS = 30_000;

type Row = NonNullable<Awaited<ReturnType<Store["db"]["whatIfJob"]["findUnique"]>>>;

function toJob(row: Row): WhatIfJob {
  return { ...row, state: row.state as WhatIfState, result: row.result === null ? null : decodeJson<WhatIfResult>(row.result) };
}

/** A job of this name already running: the id of the one to wait for. */
export class WhatIfRunningError extends Error {
  constructor(readonly id: string) {
    super(`a what-if of this definition is already running (${id}): wait for it or cancel it`);
  }
}

/**
 * Records a new running job. One runs per definition name: the migration's partial unique index
 * refuses a second, so two requests at once cannot both start one (WhatIfRunningError names it).
 * Finished jobs older than a day are deleted first.
 */
export async function createWhatIfJob(
  store: Store,
  input: { name: string; document: string; from: string; to: string; requestedBy: string },
  now = new Date(),
): Promise<WhatIfJob> {
  await deleteOldWhatIfJobs(store, now);
  await failInterruptedWhatIfJobs(store, now);
  const running = await store.db.whatIfJob.findFirst({ where: { name: input.name, state: "running" }, select: { id: true } });
  if (running) throw new WhatIfRunningError(running.id);
  try {
    return toJob(await store.db.whatIfJob.create({ data: { id: randomUUID(), ...input, state: "running", createdAt: now, heartbeatAt: now } }));
  } catch (error) {
    const raced = await store.db.whatIfJob.findFirst({ where: { name: input.name, state: "running" }, select: { id: true } });
    if (raced) throw new WhatIfRunningError(raced.id);
    throw error;
  }
}

/** The job's node is alive and folding it; false once it is no longer running. */
export async function beatWhatIfJob(store: Store, id: string, now = new Date()): Promise<boolean> {
  const { count } = await store.db.whatIfJob.updateMany({ where: { id, state: "running" }, data: { heartbeatAt: now } });
  return count === 1;
}

export async function readWhatIfJob(store: Store, id: string): Promise<WhatIfJob | null> {
  const row = await store.db.whatIfJob.findUnique({ where: { id } });
  return row ? toJob(row) : null;
}

/** The newest job of a definition name (a page reload finds its what-if again). */
export async function latestWhatIfJob(store: Store, name: string): Promise<WhatIfJob | null> {
  const row = await store.db.whatIfJob.findFirst({ where: { name }, orderBy: [{ createdAt: "desc" }, { id: "asc" }] });
  return row ? toJob(row) : null;
}

/** Records progress; false when the job is no longer running (cancelled: the runner stops). */
export async function recordWhatIfProgress(store: Store, id: string, done: number, total: number): Promise<boolean> {
  const { count } = await store.db.whatIfJob.updateMany({ where: { id, state: "running" }, data: { done, total } });
  return count === 1;
}

/** Ends a running job: done with its result, failed with its error, or cancelled. False if it had already ended. */
export async function finishWhatIfJob(
  store: Store,
  id: string,
  end: { state: "done"; result: WhatIfResult; done: number } | { state: "failed"; error: string } | { state: "cancelled" },
  now = new Date(),
): Promise<boolean> {
  const data =
    end.state === "done"
      ? { state: end.state, result: end.result as object, done: end.done, finishedAt: now }
      : end.state === "failed"
        ? { state: end.state, error: end.error, finishedAt: now }
        : { state: end.state, finishedAt: now };
  const { count } = await store.db.whatIfJob.updateMany({ where: { id, state: "running" }, data });
  return count === 1;
}

/**
 * Jobs left running by a node that stopped or died are failed, saying so (their fold died with it):
 * those whose heartbeat (or, from before heartbeats, whose start) is older than STALE_MS. A job
 * another node is folding keeps beating and is left alone. Run at a node's start, before a new job
 * and when a job is read, so a page polling any node sees the end of one cut off on another.
 */
export async function failInterruptedWhatIfJobs(store: Store, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - STALE_MS);
  const { count } = await store.db.whatIfJob.updateMany({
    where: { state: "running", OR: [{ heartbeatAt: { lt: before } }, { heartbeatAt: null, createdAt: { lt: before } }] },
    data: { state: "failed", error: RESTARTED, finishedAt: now },
  });
  return count;
}

export async function deleteOldWhatIfJobs(store: Store, now = new Date()): Promise<number> {
  const { count } = await store.db.whatIfJob.deleteMany({
    where: { state: { not: "running" }, finishedAt: { lt: new Date(now.getTime() - KEEP_FINISHED_MS) } },
  });
  return count;
}
