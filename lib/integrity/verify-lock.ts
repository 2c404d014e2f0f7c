import { randomBytes } from "node:crypto";
import { claimLease, releaseLease } from "../db/leases";
import type { Store } from "../db/prisma";

/**
 * One verification at a time across every node on the store (a lease row, migration 0035): each
 * reads the whole store, and anyone allowed to start one could otherwise start many, one per node.
 * The verifying node renews the lease as its pages go by; one killed mid-way frees it within
 * VERIFY_LEASE_MS.
 */
export const VERIFY_LEASE = "integrity-verify";
export const VERIFY_LEASE_MS = 30_000;

export interface VerificationLock {
  renew(): Promise<void>;
  release(): Promise<void>;
}

/** The lock, or null when a verification holds it (here or on another node). */
export async function claimVerification(store: Store): Promise<VerificationLock | null> {
  const holder = `verify-${randomBytes(6).toString("hex")}`;
  const claim = () => claimLease(store.db, store.target.provider, VERIFY_LEASE, holder, VERIFY_LEASE_MS);
  if (!(await claim())) return null;
  // One after another, and nothing after the release: a renewal still under way when the
  // verification ended would otherwise take the lease again and refuse the next one for 30 s.
  let released = false;
  let last: Promise<unknown> = Promise.resolve();
  const then = (work: () => Promise<unknown>) => (last = last.catch(() => undefined).then(work));
  return {
    renew: async () => {
      await then(async () => (released ? undefined : claim()));
    },
    release: async () => {
      released = true;
      await then(() => releaseLease(store.db, VERIFY_LEASE, holder));
    },
  };
}
