import type { Store } from "../db/prisma";
import { readSessionPositions } from "./read-sessions";

/** An event of a session that a retention purge removed: where it stood, and by which rule and when it went. */
export interface RemovedEvent {
  seq: number;
  position: number;
  type: string;
  occurredAt: string;
  rule: string;
  purgedAt: string;
}

/**
 * The removed events of a session, in session order, from the tombstones of the positions its
 * blocks hold (the blocks keep the positions as they were): what the replay and the export show
 * as gaps. The type is the producer's string: callers mask it like any other.
 */
export async function readRemovedEvents(store: Store, sessionId: string, fromSeq = 0, limit = 200_000): Promise<RemovedEvent[]> {
  const members = await readSessionPositions(store, sessionId, fromSeq, limit);
  if (members.length === 0) return [];
  const tombstones = await store.db.eventTombstone.findMany({
    where: { position: { in: members.map((m) => BigInt(m.position)) } },
    select: { position: true, type: true, occurredAt: true, rule: true, purgedAt: true },
  });
  const byPosition = new Map(tombstones.map((t) => [Number(t.position), t]));
  return members.flatMap((m) => {
    const t = byPosition.get(m.position);
    if (!t) return [];
    return [{ seq: m.seq, position: m.position, type: t.type, occurredAt: t.occurredAt.toISOString(), rule: t.rule, purgedAt: t.purgedAt.toISOString() }];
  });
}

/** Far more events than any session holds: "every position" for readSessionPositions. */
const WHOLE_SESSION = 10_000_000;

/**
 * A session's positions that still hold an event, numbered in that order from `fromIndex`: the
 * index the player counts and seeks in (its scrubber, blocks, fold pages and notes). A session a
 * purge never touched reads as before, by its blocks alone; one that lost events reads all its
 * positions and skips the removed ones, so a page never repeats or drops an event. `purged` says
 * which: the blocks' stored states are then states before a seq, not before an index.
 */
export async function readHeldPositions(
  store: Store,
  sessionId: string,
  fromIndex: number,
  limit: number,
): Promise<{ members: { seq: number; position: number }[]; purged: boolean }> {
  const tombstones = await store.db.eventTombstone.findMany({ where: { sessionId }, select: { position: true } });
  if (tombstones.length === 0) return { members: await readSessionPositions(store, sessionId, fromIndex, limit), purged: false };
  const gone = new Set(tombstones.map((t) => Number(t.position)));
  const held = (await readSessionPositions(store, sessionId, 0, WHOLE_SESSION)).filter((m) => !gone.has(m.position));
  return { members: held.slice(fromIndex, fromIndex + limit).map((m, k) => ({ seq: fromIndex + k, position: m.position })), purged: true };
}
