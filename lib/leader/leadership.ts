import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { claimLease, releaseLease } from "../db/leases";
import type { Store } from "../db/prisma";
import { logLine } from "../privacy/log";

/**
 * One leader among any number of nodes on one database (docs/deploy.md): the node holding the
 * "leader" lease (a row, renewed every RENEW_MS for LEASE_MS) does the work only one may do; the
 * others stand by and claim it when it runs out, so a node killed outright is replaced within
 * LEASE_MS + RENEW_MS. A row, not an advisory lock: a session lock is lost behind PgBouncer in
 * transaction mode, and SQLite has none.
 */
export const LEASE_MS = 6_000;
export const RENEW_MS = 2_000;
const LEADER = "leader";

export interface LeaderWork {
  start(): void;
  /** stops the work and settles once what is under way has finished */
  stop(): Promise<void>;
}

export type Role = "leader" | "standby";

interface Leadership {
  node: string;
  role: Role;
  timer: NodeJS.Timeout;
  /** when the lease was last renewed, by this process's clock: past LEASE_MS the work stops, renewed or not */
  renewedAt: number;
  stopping: boolean;
  shutdown(): Promise<void>;
}

const global = globalThis as unknown as { rewindLeadership?: Leadership; rewindShutdown?: () => Promise<void> };

/** This node's role; standby where leadership was never started (REWIND_PROJECTOR=off, a script). */
export function currentRole(): Role {
  return global.rewindLeadership?.role ?? "standby";
}

/**
 * Starts claiming the leader lease for this process (instrumentation.ts), idempotent; `work`
 * starts when it is won and stops when it is lost. Also makes `globalThis.rewindShutdown`, which
 * the server calls on SIGTERM: the work stops, then the lease is given up for a standby to take.
 */
export function startLeadership(store: Store, work: LeaderWork): void {
  if (global.rewindLeadership) return;
  const node = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const lose = async (self: Leadership) => {
    if (self.role !== "leader") return;
    self.role = "standby";
    await work.stop().catch(() => undefined);
  };
  const tick = async (self: Leadership) => {
    if (self.stopping) return;
    try {
      const held = await claimLease(store.db, store.target.provider, LEADER, node, LEASE_MS);
      if (self.stopping) return;
      if (held) {
        self.renewedAt = Date.now();
        if (self.role === "standby") {
          self.role = "leader";
          logLine("info", `this node (${node}) is the leader: it runs the projector, alerts and retention`);
          work.start();
        }
      } else if (self.role === "leader") {
        logLine("info", "another node holds the leader lease: this one stands by");
        await lose(self);
      }
    } catch {
      // The database did not answer: the lease may run out unseen, so the work stops before it would.
      if (self.role === "leader" && Date.now() - self.renewedAt > LEASE_MS - RENEW_MS) await lose(self);
    }
  };
  const self: Leadership = {
    node,
    role: "standby",
    renewedAt: 0,
    stopping: false,
    timer: setInterval(() => void tick(self), RENEW_MS),
    shutdown: async () => {
      self.stopping = true;
      clearInterval(self.timer);
      await lose(self);
      await releaseLease(store.db, LEADER, node).catch(() => undefined);
    },
  };
  self.timer.unref();
  global.rewindLeadership = self;
  global.rewindShutdown = self.shutdown;
  void tick(self);
}
