import "server-only";
import { readRange } from "../analytics/range";
import { getStore } from "../db/prisma";
import { ApiError } from "../http/errors";
import { checkDefinitionText } from "../journey-store/definition-store";
import { sessionTimeoutMs } from "../sessions/settings";
import {
  createWhatIfJob,
  failInterruptedWhatIfJobs,
  latestWhatIfJob,
  readWhatIfJob,
  finishWhatIfJob,
  WhatIfRunningError,
  type WhatIfJob,
  type WhatIfState,
} from "../what-if/job-store";
import { whatIfPageSize } from "../what-if/compute-what-if";
import { runWhatIfJob } from "../what-if/run-job";
import type { WhatIfResult } from "../what-if/what-if-result";
import { getMasker } from "./privacy";

/**
 * What-if jobs, the one door for pages and routes: a draft definition folded over history in this
 * server process (in the background, yielding between pages: ingestion and pages keep answering),
 * never writing a read model. The job's row is its state, so a reload finds it.
 */
export interface WhatIfAnswer {
  id: string;
  name: string;
  from: string;
  to: string;
  state: WhatIfState;
  progress: { done: number; total: number };
  result?: WhatIfResult;
  error?: string;
  createdAt: string;
}

/**
 * Starts a what-if of a draft over [from, to] (default: the 30 days up to today). An invalid draft
 * is refused at its path (400, nothing written); one of the same name already running is a 409
 * naming it (`details.id`).
 */
export async function startWhatIf(input: { document: unknown; from?: string; to?: string; by: string }): Promise<{ id: string }> {
  const text = typeof input.document === "string" ? input.document : JSON.stringify(input.document);
  const checked = checkDefinitionText(text);
  if (!checked.ok) {
    const first = checked.errors[0]!;
    const path = first.path === "(the document)" ? "definition" : `definition.${first.path}`;
    throw new ApiError("invalid_request", `${path}: ${first.message}`, { attribute: path, errors: checked.errors });
  }
  const range = readRange({ from: input.from, to: input.to });
  const store = getStore();
  try {
    const job = await createWhatIfJob(store, { name: checked.document.name, document: text, ...range, requestedBy: input.by });
    // In the background, on purpose: the request answers 202 at once and the fold yields as it goes.
    void runWhatIfJob(store, job.id, { timeoutMs: sessionTimeoutMs(), pageSize: whatIfPageSize() });
    return { id: job.id };
  } catch (error) {
    if (error instanceof WhatIfRunningError) throw new ApiError("conflict", error.message, { id: error.id, journey: checked.document.name });
    throw error;
  }
}

/** The lastStep of a session is the journey's words about its events: masked as every other read. */
async function answerOf(job: WhatIfJob): Promise<WhatIfAnswer> {
  let result = job.result ?? undefined;
  if (result) {
    const masker = await getMasker();
    const side = <T extends { lastStep: string } | null>(s: T): T => (s ? { ...s, lastStep: masker.text(s.lastStep) } : s);
    result = { ...result, changes: result.changes.map((c) => ({ ...c, current: side(c.current), draft: side(c.draft) })) };
  }
  return {
    id: job.id,
    name: job.name,
    from: job.from,
    to: job.to,
    state: job.state,
    progress: { done: job.done, total: job.total },
    ...(result && job.state === "done" ? { result } : {}),
    ...(job.error && job.state === "failed" ? { error: job.error } : {}),
    createdAt: job.createdAt.toISOString(),
  };
}

function notFound(id: string): ApiError {
  return new ApiError("not_found", `no what-if job "${id}" (finished jobs are kept for a day)`, { id });
}

export async function readWhatIf(id: string): Promise<WhatIfAnswer> {
  // A job whose node died shows as failed on whichever node is asked.
  await failInterruptedWhatIfJobs(getStore());
  const job = await readWhatIfJob(getStore(), id);
  if (!job) throw notFound(id);
  return answerOf(job);
}

/** Cancels a running job (the fold stops at its next page, with no result); a finished one answers its final state. */
export async function cancelWhatIf(id: string): Promise<{ state: WhatIfState }> {
  const store = getStore();
  const job = await readWhatIfJob(store, id);
  if (!job) throw notFound(id);
  if (job.state === "running") await finishWhatIfJob(store, id, { state: "cancelled" });
  return { state: (await readWhatIfJob(store, id))?.state ?? "cancelled" };
}

/** The newest what-if of a definition name, for a page reload; null when there is none (kept a day). */
export async function latestWhatIfOf(name: string): Promise<WhatIfAnswer | null> {
  await failInterruptedWhatIfJobs(getStore());
  const job = await latestWhatIfJob(getStore(), name);
  return job ? answerOf(job) : null;
}
