import "server-only";
import { getStore } from "../db/prisma";
import { readHeadPosition } from "../eventstore/read";
import { countDeadLetters } from "../sessions/dead-letters";
import { CHECKPOINT } from "../sessions/projector";

export interface StoreHealth {
  /** the newest event's position, and how far the session projector has folded */
  projector: { position: number; head: number };
  /** events the projector set aside (see /admin/dead-letters) */
  deadLetters: number;
}

/** Three indexed lookups; null when the store does not answer. */
export async function checkStoreHealth(): Promise<StoreHealth | null> {
  const store = getStore();
  try {
    const [head, checkpoint, deadLetters] = await Promise.all([
      readHeadPosition(store),
      store.db.projectionCheckpoint.findUnique({ where: { name: CHECKPOINT }, select: { position: true } }),
      countDeadLetters(store),
    ]);
    return { projector: { position: Number(checkpoint?.position ?? 0), head }, deadLetters };
  } catch {
    return null;
  }
}
