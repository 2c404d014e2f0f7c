/** How the session projector stands, as `GET /api/health` answers it (a public contract). */
export type ProjectorState = "caught-up" | "catching-up" | "rebuilding" | "failing";

export interface ProjectorHealth {
  state: ProjectorState;
  /** how far the live generation has folded, the newest position, and the difference */
  position: number;
  head: number;
  lag: number;
  /** events set aside (see /admin/dead-letters) */
  deadLetters: number;
  /** whether this node runs the projector (holds the leader lease) or stands by (lib/leader/leadership.ts) */
  role: "leader" | "standby";
}

export interface Health {
  /** degraded while the projector is failing: still 200, so a load balancer keeps the node */
  status: "ok" | "degraded";
  projector: ProjectorHealth;
  /** present when DATABASE_READ_URL names a replica (issue 18) */
  replica?: ReplicaHealth;
}

/**
 * The read replica as this node sees it: the projection checkpoint it has replayed, how many
 * positions that is behind the primary's, and how long ago it last replayed a transaction
 * (that grows while the primary is idle too, so `lag` is the figure to alert on).
 */
export type ReplicaHealth = { state: "streaming"; position: number; lag: number; replayedSecondsAgo: number | null } | { state: "unreachable" };

export function replicaHealthOf(primaryPosition: number, replica: { position: number; replayedSecondsAgo: number | null } | null): ReplicaHealth {
  if (!replica) return { state: "unreachable" };
  return {
    state: "streaming",
    position: replica.position,
    lag: Math.max(0, primaryPosition - replica.position),
    replayedSecondsAgo: replica.replayedSecondsAgo,
  };
}

/**
 * The answer from what was read: failing (the runner's last page failed) outranks rebuilding (a
 * new generation is being built), which outranks catching up (the live one is behind the head).
 */
export function healthOf(input: {
  position: number;
  head: number;
  deadLetters: number;
  building: boolean;
  failing: boolean;
  role: "leader" | "standby";
}): Health {
  const lag = Math.max(0, input.head - input.position);
  const state: ProjectorState = input.failing ? "failing" : input.building ? "rebuilding" : lag > 0 ? "catching-up" : "caught-up";
  return {
    status: state === "failing" ? "degraded" : "ok",
    projector: { state, position: input.position, head: input.head, lag, deadLetters: input.deadLetters, role: input.role },
  };
}
