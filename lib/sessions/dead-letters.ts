import type { Store } from "../db/prisma";
import { readEventsAt, readFeed, readHeadPosition } from "../eventstore/read";
import type { StoredEvent } from "../generated/sqlite/client";
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

/** Where the projection stands, read without the lock: what a failed single-event fold started from. */
export async function readCheckpointPosition(store: Store, projection: string): Promise<number> {
  const row = await store.db.projectionCheckpoint.findUnique({ where: { name: projection } });
  return Number(row?.position ?? 0);
}

/**
 * Failures that say the store was busy, not that the event is bad (a transaction that timed out,
 * a serialization failure, SQLite's lock): the runner backs off and tries again, nothing is set aside.
 */
const TRANSIENT = /\b(P2028|P2034|40001|40P01|55P03|SQLITE_BUSY|SQLITE_LOCKED)\b/;
export const isTransientFailure = (error: unknown): boolean => TRANSIENT.test(errorKindOf(error));

/**
 * Sets the event that failed aside and moves the checkpoint past it, in one transaction with the
 * checkpoint lock (so a second projector cannot fold it meanwhile). `failedAfter` is the checkpoint
 * the failed fold started from: if another projector moved it since, the failing event may have
 * folded there and the next one is not known to be bad, so nothing is set aside (answers
 * undefined: try again). The event stays in the store, raw, for the explorer; only the fold skips
 * it. Answers its position, or null at the head.
 */
export async function setAsideNextEvent(store: Store, projection: string, error: unknown, failedAfter: number): Promise<number | null | undefined> {
  return store.db.$transaction(async (tx) => {
    const checkpoint = await rm.lockAndReadCheckpoint(tx, projection);
    if (checkpoint !== failedAfter) return undefined;
    const [next] = await readFeed({ ...store, db: tx as never }, { after: checkpoint, limit: 1 });
    if (!next) return null;
    const errorKind = errorKindOf(error);
    await tx.deadLetter.upsert({
      where: { position: next.position },
      create: { position: next.position, projection, errorKind, setAsideAt: new Date(), status: "set_aside" },
      update: { errorKind, setAsideAt: new Date(), attempts: { increment: 1 }, status: "set_aside" },
    });
    await rm.writeCheckpoint(tx, projection, Number(next.position));
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
/** Whether the event at this position is set aside now (not discarded, not folded since). */
export async function isSetAside(store: Store, position: number): Promise<boolean> {
  return (await store.db.deadLetter.count({ where: { position: BigInt(position), status: "set_aside" } })) === 1;
}

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

/**
 * Set-aside events of a session's person from a timeout before it began to a timeout after it
 * ended: the events that would have been folded into it (or next to it). The replay shows them,
 * raw, beside the session.
 */
export async function setAsideEventsNear(
  store: Store,
  session: { userId: string | null; anonymousId: string | null; startedAt: Date; endedAt: Date | null; lastEventAt: Date },
  timeoutMs: number,
): Promise<StoredEvent[]> {
  const letters = await store.db.deadLetter.findMany({ select: { position: true }, orderBy: { position: "asc" }, take: 1_000 });
  if (letters.length === 0) return [];
  const from = session.startedAt.getTime() - timeoutMs;
  const to = (session.endedAt ?? session.lastEventAt).getTime() + timeoutMs;
  const events = await readEventsAt(
    store,
    letters.map((l) => Number(l.position)),
  );
  return events.filter(
    (e) =>
      ((session.userId !== null && e.userid === session.userId) || (session.anonymousId !== null && e.anonymousid === session.anonymousId)) &&
      e.occurredAt.getTime() >= from &&
      e.occurredAt.getTime() <= to,
  );
}
