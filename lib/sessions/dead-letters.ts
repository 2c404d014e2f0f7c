import type { Store } from "../db/prisma";
import { readHeadPosition } from "../eventstore/read";
import * as rm from "./projection-store";

export type DeadLetterStatus = "set_aside" | "discarded";

export interface DeadLetter {
  position: number;
  projection: string;
  errorKind: string;
  setAsideAt: Date;
  attempts: number;
  status: DeadLetterStatus;
}

/**
 * What went wrong, in words that cannot quote the event: the error's class and its driver code
 * (e.g. "DriverAdapterError SQLITE_ERROR"). Messages can hold event data, so they are never kept.
 */
export function errorKindOf(error: unknown): string {
  const code = (error as { code?: unknown; cause?: { code?: unknown } } | null)?.code ?? (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const name = error instanceof Error ? error.name : typeof error;
  return `${name}${typeof code === "string" && /^[\w.-]{1,40}$/.test(code) ? ` ${code}` : ""}`.slice(0, 100);
}

/**
 * Sets the first event after the checkpoint aside and moves the checkpoint past it, in one
 * transaction with the checkpoint lock (so a second projector cannot fold it meanwhile). The
 * event stays in the store, raw, for the explorer; only the fold skips it. Answers its position.
 */
export async function setAsideNextEvent(store: Store, projection: string, error: unknown): Promise<number | null> {
  const provider = store.target.provider;
  return store.db.$transaction(async (tx) => {
    const checkpoint = await rm.lockAndReadCheckpoint(tx, provider, projection);
    const next = await tx.storedEvent.findFirst({ where: { position: { gt: BigInt(checkpoint) } }, orderBy: { position: "asc" }, select: { position: true } });
    if (!next) return null;
    const errorKind = errorKindOf(error);
    await tx.deadLetter.upsert({
      where: { position: next.position },
      create: { position: next.position, projection, errorKind, setAsideAt: new Date(), status: "set_aside" },
      update: { errorKind, setAsideAt: new Date(), attempts: { increment: 1 }, status: "set_aside" },
    });
    await rm.writeCheckpoint(tx, provider, projection, Number(next.position));
    return Number(next.position);
  });
}

/** Whether the store answers at all: a failure while it does not is the store's, not an event's. */
export async function storeAnswers(store: Store): Promise<boolean> {
  try {
    await readHeadPosition(store);
    return true;
  } catch {
    return false;
  }
}

export async function listDeadLetters(store: Store, status: DeadLetterStatus = "set_aside", take = 200): Promise<DeadLetter[]> {
  const rows = await store.db.deadLetter.findMany({ where: { status }, orderBy: { position: "asc" }, take });
  return rows.map((r) => ({ ...r, position: Number(r.position), status: r.status as DeadLetterStatus }));
}

export async function countDeadLetters(store: Store): Promise<number> {
  return store.db.deadLetter.count({ where: { status: "set_aside" } });
}

/** Discarding keeps the record (so a rebuild skips the event too) and stops counting it. */
export async function discardDeadLetter(store: Store, position: number): Promise<boolean> {
  const { count } = await store.db.deadLetter.updateMany({ where: { position: BigInt(position), status: "set_aside" }, data: { status: "discarded" } });
  return count === 1;
}

/** A retry that fails again counts the attempt and keeps the event aside, with the new kind. */
export async function recordFailedRetry(store: Store, position: number, error: unknown): Promise<void> {
  await store.db.deadLetter.updateMany({
    where: { position: BigInt(position) },
    data: { attempts: { increment: 1 }, errorKind: errorKindOf(error), setAsideAt: new Date() },
  });
}
