import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { claimVerification } from "../integrity/verify-lock";
import { claimLease, readLease, releaseLease } from "./leases";

describe.each(testProviders())("the leader lease on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("goes to one claimant at a time, is renewed by its holder, taken over once it runs out, and freed by a release", async () => {
    const db = t.store.db;
    // Two nodes claim at once: exactly one gets it.
    const first = await Promise.all([claimLease(db, provider, "leader", "a", 300), claimLease(db, provider, "leader", "b", 300)]);
    expect(first.filter(Boolean)).toHaveLength(1);
    const [holder, other] = first[0] ? ["a", "b"] : ["b", "a"];
    expect(await claimLease(db, provider, "leader", holder!, 300)).toBe(true);
    expect(await claimLease(db, provider, "leader", other!, 300)).toBe(false);
    const held = await readLease(db, provider, "leader");
    expect(held?.holder).toBe(holder);
    expect(held!.remainingMs).toBeGreaterThan(0);
    expect(held!.remainingMs).toBeLessThanOrEqual(300);
    // The holder stops renewing (killed): once the lease runs out, the other takes it.
    await new Promise((r) => setTimeout(r, 400));
    expect(await claimLease(db, provider, "leader", other!, 300)).toBe(true);
    expect(await claimLease(db, provider, "leader", holder!, 300)).toBe(false);
    // A release by someone else changes nothing; the holder's frees it at once.
    await releaseLease(db, "leader", holder!);
    expect((await readLease(db, provider, "leader"))?.holder).toBe(other);
    await releaseLease(db, "leader", other!);
    expect((await readLease(db, provider, "leader"))?.holder).toBeNull();
    expect(await claimLease(db, provider, "leader", holder!, 300)).toBe(true);
  });

  it("lets one integrity verification run at a time, whichever node asks, until it is released", async () => {
    const first = await claimVerification(t.store);
    expect(first).not.toBeNull();
    expect(await claimVerification(t.store)).toBeNull();
    await first!.renew();
    expect(await claimVerification(t.store)).toBeNull();
    await first!.release();
    const next = await claimVerification(t.store);
    expect(next).not.toBeNull();
    await next!.release();
  });

  it("never takes the verification lease again once released, even for a renewal under way or one that comes late", async () => {
    const lock = (await claimVerification(t.store))!;
    const underWay = lock.renew();
    await lock.release();
    await underWay;
    await lock.renew();
    const next = await claimVerification(t.store);
    expect(next).not.toBeNull();
    await next!.release();
  });
});
