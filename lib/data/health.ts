import "server-only";
import { getStore } from "../db/prisma";
import { readHeadPosition } from "../eventstore/read";
import { countDeadLetters } from "../sessions/dead-letters";
import { buildingGeneration } from "../sessions/generations";
import { CHECKPOINT } from "../sessions/projector";
import { healthOf, replicaHealthOf, type Health } from "../sessions/projector-health";
import { getReplicaStore } from "../db/read-store";
import { answerWithin } from "../db/answer-within";
import { readCheckpointPosition } from "../sessions/dead-letters";
import { sql } from "../db/sql";
import type { Store } from "../db/prisma";
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
    const position = Number(checkpoint?.position ?? 0);
    const health = healthOf({ position, head, deadLetters, building: building !== null, failing: projectorFailing() === true, role: currentRole() });
    const replica = getReplicaStore();
    return replica ? { ...health, replica: replicaHealthOf(position, await readReplica(replica)) } : health;
  } catch {
    return null;
  }
}

/** What the replica has replayed; null when it does not answer (the primary still serves). */
async function readReplica(replica: Store): Promise<{ position: number; replayedSecondsAgo: number | null } | null> {
  // Answered within a second or counted unreachable: a replica that hangs must not hang the health check.
  return answerWithin(readReplicaNow(replica), 1_000, null);
}

async function readReplicaNow(replica: Store): Promise<{ position: number; replayedSecondsAgo: number | null } | null> {
  try {
    const [position, [replay]] = await Promise.all([
      readCheckpointPosition(replica, CHECKPOINT),
      replica.db.$queryRaw<{ seconds: number | null }[]>(sql`SELECT EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8 AS "seconds"`),
    ]);
    return { position, replayedSecondsAgo: replay?.seconds === null || replay?.seconds === undefined ? null : Math.round(Number(replay.seconds) * 10) / 10 };
  } catch {
    return null;
  }
}
