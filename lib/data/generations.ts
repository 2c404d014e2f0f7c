import "server-only";
import { getStore } from "../db/prisma";
import { rollBackJourneys } from "../journey-store/roll-back";
import {
  builtInFoldChanges,
  discardRetiredGeneration,
  type Generation,
  generationBytes,
  keepGenerations,
  listGenerations,
  newestKeptGeneration,
  RollbackRefusedError,
  type RollBackResult,
} from "../sessions/generations";
import { errorKindOf } from "../sessions/dead-letters";
import { sessionTimeoutMs } from "../sessions/settings";
import { logLine } from "../privacy/log";

/** One generation as /admin/journeys and the CLI show it. */
export interface GenerationWithDisk {
  id: number;
  state: Generation["state"];
  definitions: Record<string, number>;
  reason: string;
  createdAt: Date;
  switchedAt: Date | null;
  endedAt: Date | null;
  retiredAt: Date | null;
  /** a kept one can be rolled back to or discarded */
  kept: boolean;
  /** the disk its tables use; null when the store cannot tell */
  bytes: number | null;
}

/** The generations, newest first, with the disk each one's tables use. */
export async function listGenerationsWithDisk(take = 20): Promise<GenerationWithDisk[]> {
  const store = getStore();
  const generations = await listGenerations(store, take);
  const bytes = await generationBytes(store, generations);
  return generations.map((g) => ({
    id: g.id,
    state: g.state,
    definitions: g.definitions,
    reason: g.reason,
    createdAt: g.createdAt,
    switchedAt: g.switchedAt,
    endedAt: g.endedAt,
    retiredAt: g.retiredAt,
    kept: g.state === "retired" && g.endedAt === null,
    bytes: bytes.get(g.id) ?? null,
  }));
}

/** How a rollback started from the page stands: catching up (with its progress), or how it ended. */
export type RollbackStatus =
  | { state: "catching-up"; id: number; position: number; head: number; by: string }
  | { state: "done"; id: number; folded: number; retired: number; by: string; at: number }
  | { state: "failed"; error: string; by: string; at: number };

// In this server process (the page's action starts it, the page reads it), shared like the projector's runner.
const shared = globalThis as unknown as { rewindRollback?: RollbackStatus };

/** How long the page still says how a rollback ended. */
const ENDED_SHOWN_MS = 10 * 60_000;

/** The rollback this process runs now, or ran in the last minutes; null when none. */
export function rollbackStatus(now = Date.now()): RollbackStatus | null {
  const status = shared.rewindRollback ?? null;
  if (status && status.state !== "catching-up" && now - status.at > ENDED_SHOWN_MS) return null;
  return status;
}

/**
 * Switches the kept generation retired last back in (after folding the events appended since it
 * was retired) and records it in the definitions' history. Throws RollbackRefusedError naming why
 * when there is none to bring back.
 */
export async function rollBack(by: string): Promise<RollBackResult> {
  const running = shared.rewindRollback;
  if (running?.state === "catching-up") throw new Error(`a rollback to generation ${running.id} is already catching up`);
  const target = await newestKeptGeneration(getStore());
  shared.rewindRollback = { state: "catching-up", id: target?.id ?? 0, position: target?.position ?? 0, head: target?.head ?? 0, by };
  try {
    const result = await rollBackJourneys(getStore(), by, {
      timeoutMs: sessionTimeoutMs(),
      keep: keepGenerations(),
      onProgress: (p) => {
        shared.rewindRollback = { state: "catching-up", ...p, by };
      },
    });
    shared.rewindRollback = { state: "done", id: result.generation.id, folded: result.folded, retired: result.retired, by, at: Date.now() };
    return result;
  } catch (error) {
    // Our refusals say why; any other failure by its kind only (a store's message can quote an event).
    const words = error instanceof RollbackRefusedError ? error.message : `it failed (${errorKindOf(error)}); the live generation is untouched`;
    shared.rewindRollback = { state: "failed", error: words, by, at: Date.now() };
    if (!(error instanceof RollbackRefusedError)) logLine("error", `a rollback failed (${errorKindOf(error)})`);
    throw error;
  }
}

/**
 * For the page: checks there is a generation to bring back (the one the admin confirmed), then runs the rollback without
 * waiting for it (the page shows its progress from rollbackStatus()). Answers the generation it
 * brings back, or why it cannot.
 */
export async function startRollBack(by: string, expected?: number): Promise<{ ok: true; id: number } | { ok: false; error: string }> {
  if (shared.rewindRollback?.state === "catching-up")
    return { ok: false, error: `a rollback to generation ${shared.rewindRollback.id} is already catching up` };
  const target = await newestKeptGeneration(getStore());
  if (!target) return { ok: false, error: "No earlier generation keeps its tables: there is nothing to roll back to." };
  if (expected !== undefined && target.id !== expected)
    return { ok: false, error: `Generation ${expected} is not the one a rollback brings back now (generation ${target.id}); reload the page.` };
  const changed = builtInFoldChanges(target.definitions);
  if (changed.length > 0) return { ok: false, error: `Generation ${target.id} was folded with ${changed.join(", ")}; this release folds differently.` };
  void rollBack(by).catch(() => undefined);
  return { ok: true, id: target.id };
}

/** Drops a kept generation's tables (GenerationNotKeptError for any other). */
export async function discardGeneration(id: number, _by: string): Promise<void> {
  await discardRetiredGeneration(getStore(), id);
}
