import "server-only";
import { getStore } from "../db/prisma";
import { readHeadPosition } from "../eventstore/read";
import { countDeadLetters } from "../sessions/dead-letters";
import { buildingGeneration } from "../sessions/generations";
import { CHECKPOINT } from "../sessions/projector";
import { healthOf, type Health } from "../sessions/projector-health";
import { projectorFailing } from "../sessions/projector-runner";
import { currentRole } from "../leader/leadership";

export type { Health };

/** Four indexed lookups; null when the store does not answer. Positions and counts only: nothing personal. */
export async function checkStoreHealth(): Promise<Health | null> {
  const store = getStore();
  try {
    const [head, checkpoint, deadLetters, building] = await Promise.all([
      readHeadPosition(store),
      store.db.projectionCheckpoint.findUnique({ where: { name: CHECKPOINT }, select: { position: true } }),
      countDeadLetters(store),
      buildingGeneration(store),
    ]);
    return healthOf({
      position: Number(checkpoint?.position ?? 0),
      head,
      deadLetters,
      building: building !== null,
      failing: projectorFailing() === true,
      role: currentRole(),
    });
  } catch {
    return null;
  }
}
