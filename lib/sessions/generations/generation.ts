import type { Store } from "../../db/prisma";
import type { JourneyGeneration } from "../../generated/sqlite/client";

export type GenerationState = "building" | "live" | "retired" | "failed";

/** How a generation's counters and user summaries stand (see build-step.ts). */
export type RollupsState = "deferred" | "recomputing" | "whole";

/** A generation of the session read models, as journey_generations keeps it. */
export interface Generation {
  id: number;
  state: GenerationState;
  /** the journey definitions it folds with, `{"<name>": <version>}` (opaque here) */
  definitions: Record<string, number>;
  reason: string;
  /** how far it has folded, and the newest position when that was written */
  position: number;
  head: number;
  rollups: RollupsState;
  /** what stopped a failed build (the error's class and code, never its message) */
  errorKind: string | null;
  createdAt: Date;
  switchedAt: Date | null;
  /** when a build failed or was superseded, or when a retired generation's tables were dropped */
  endedAt: Date | null;
  /** when it stopped being live (the newest retired ones keep their tables, for a rollback) */
  retiredAt: Date | null;
}

export const toGeneration = (row: JourneyGeneration): Generation => ({
  ...row,
  state: row.state as GenerationState,
  definitions: row.definitions as Record<string, number>,
  position: Number(row.position),
  head: Number(row.head),
  rollups: row.rollups as RollupsState,
});

/** The generation being built, if any (there is at most one). */
export async function buildingGeneration(store: Store): Promise<Generation | null> {
  const row = await store.db.journeyGeneration.findFirst({ where: { state: "building" }, orderBy: { id: "desc" } });
  return row ? toGeneration(row) : null;
}

/** The generation pages read. */
export async function liveGeneration(store: Store): Promise<Generation> {
  const row = await store.db.journeyGeneration.findFirst({ where: { state: "live" }, orderBy: { id: "desc" } });
  if (!row) throw new Error("no live generation of the read models (migration 0012 makes the first)");
  return toGeneration(row);
}

export async function readGeneration(store: Store, id: number): Promise<Generation | null> {
  const row = await store.db.journeyGeneration.findUnique({ where: { id } });
  return row ? toGeneration(row) : null;
}

/** The retired generation a rollback brings back: the one retired last that still has its tables. */
export async function newestKeptGeneration(store: Store): Promise<Generation | null> {
  return (await keptGenerations(store))[0] ?? null;
}

/** The retired generations that keep their tables, retired last first. */
export async function keptGenerations(store: Store): Promise<Generation[]> {
  const rows = await store.db.journeyGeneration.findMany({ where: { state: "retired", endedAt: null }, orderBy: [{ retiredAt: "desc" }, { id: "desc" }] });
  return rows.map(toGeneration);
}

/** Every generation, newest first. */
export async function listGenerations(store: Store, take = 50): Promise<Generation[]> {
  return (await store.db.journeyGeneration.findMany({ orderBy: { id: "desc" }, take })).map(toGeneration);
}
