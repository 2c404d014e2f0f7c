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
}

/** Finished jobs are kept this long (a page reload, a CLI poll), then deleted. */
export const KEEP_FINISHED_MS = 24 * 60 * 60 * 1000;

/** The message a job cut off by a restart ends with: it names what happened, never event content. */
export const RESTARTED = "the server stopped while this what-if was running (a restart or a crash), so it did not finish; start it again";

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
  const running = await store.db.whatIfJob.findFirst({ where: { name: input.name, state: "running" }, select: { id: true } });
  if (running) throw new WhatIfRunningError(running.id);
  try {
    return toJob(await store.db.whatIfJob.create({ data: { id: randomUUID(), ...input, state: "running", createdAt: now } }));
  } catch (error) {
    const raced = await store.db.whatIfJob.findFirst({ where: { name: input.name, state: "running" }, select: { id: true } });
    if (raced) throw new WhatIfRunningError(raced.id);
    throw error;
  }
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

/** On start: jobs left running by a server that stopped are failed, saying so (their fold died with it). */
export async function failInterruptedWhatIfJobs(store: Store, now = new Date()): Promise<number> {
  const { count } = await store.db.whatIfJob.updateMany({ where: { state: "running" }, data: { state: "failed", error: RESTARTED, finishedAt: now } });
  return count;
}

export async function deleteOldWhatIfJobs(store: Store, now = new Date()): Promise<number> {
  const { count } = await store.db.whatIfJob.deleteMany({
    where: { state: { not: "running" }, finishedAt: { lt: new Date(now.getTime() - KEEP_FINISHED_MS) } },
  });
  return count;
}
