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
