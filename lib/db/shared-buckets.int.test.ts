import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenBuckets } from "../rate-limit/token-buckets";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { openStore, type Store } from "./prisma";
import { SharedBuckets } from "./shared-buckets";

const TEN_A_MINUTE = { ratePerSecond: 10 / 60, burst: 10 };

describe.each(testProviders())("rate limits in the database on %s", (provider) => {
  let t: TestStore;
  let otherNode: Store;
  beforeAll(async () => {
    t = await createTestStore(provider);
    // A second client on the same database: what a second node behind the load balancer holds.
    otherNode = openStore(t.store.target);
  });
  afterAll(async () => {
    await otherNode?.db.$disconnect();
    await t?.dispose();
  });

  const bucketsOn = (store: Store, scope: string, limit = TEN_A_MINUTE) => new SharedBuckets(store.db, provider, scope, limit, async () => "test-secret");

  it("allows what one node allows, however the attempts are spread over two nodes", async () => {
    const nodes = [bucketsOn(t.store, "spread"), bucketsOn(otherNode, "spread")];
    const now = 1_700_000_000_000;
    const answers = [];
    for (let i = 0; i < 12; i++) answers.push(await nodes[i % 2]!.take("someone@example.test", 1, now));
    expect(answers.slice(0, 10).every((a) => a.allowed)).toBe(true);
    expect(answers.slice(10)).toEqual([
      { allowed: false, retryAfterSeconds: 6 },
      { allowed: false, retryAfterSeconds: 6 },
    ]);
    // Another caller has its own allowance; one interval later the first has one more attempt.
    expect(await nodes[1]!.take("someone-else@example.test", 1, now)).toEqual({ allowed: true });
    expect(await nodes[0]!.take("someone@example.test", 1, now + 6_000)).toEqual({ allowed: true });
    expect((await nodes[1]!.take("someone@example.test", 1, now + 6_000)).allowed).toBe(false);
  });

  it("lets exactly the burst through when 25 attempts arrive at once on two nodes", async () => {
    const nodes = [bucketsOn(t.store, "parallel"), bucketsOn(otherNode, "parallel")];
    const now = 1_700_000_000_000;
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => nodes[i % 2]!.take("target", 1, now)));
    expect(answers.filter((a) => a.allowed)).toHaveLength(10);
  });

  it("decides as the in-memory token bucket does, request for request", async () => {
    // A seeded walk of callers, costs, times and give-backs; both implementations must agree on every answer.
    const limit = { ratePerSecond: 2, burst: 5 };
    const shared = bucketsOn(t.store, "same-as-memory", limit);
    const memory = new TokenBuckets(limit);
    let seed = 7;
    const next = (n: number) => {
      seed = Math.imul(seed, 48_271) & 0x7fffffff; // Park–Miller: exact in 32-bit integers
      return seed % n;
    };
    let now = 1_700_000_000_000;
    let refused = 0;
    for (let i = 0; i < 300; i++) {
      now += next(4) * 125;
      const caller = `caller-${next(3)}`;
      const cost = 1 + next(3);
      if (next(8) === 0) {
        await shared.giveBack(caller, 1);
        memory.giveBack(caller, 1, now);
        continue;
      }
      const expected = memory.take(caller, cost, now);
      expect(await shared.take(caller, cost, now), `request ${i}`).toEqual(expected);
      if (!expected.allowed) refused++;
    }
    expect(refused).toBeGreaterThan(30);
  });

  it("keeps a keyed hash of the caller, never the caller, and sweeps buckets that have refilled", async () => {
    const buckets = bucketsOn(t.store, "stored");
    const now = 1_700_000_000_000;
    await buckets.take("private.person@example.test", 1, now);
    const rows = await t.store.db.rateBucket.findMany({ where: { scope: "stored" } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.caller).toMatch(/^[0-9a-f]{40}$/);
    expect(JSON.stringify(rows)).not.toContain("private.person");
    // Keyed: without the secret, hashing a guess does not find the row.
    const { createHash, createHmac } = await import("node:crypto");
    expect(rows[0]!.caller).not.toBe(createHash("sha256").update("stored\nprivate.person@example.test").digest("hex").slice(0, 40));
    expect(rows[0]!.caller).toBe(createHmac("sha256", "test-secret").update("stored\nprivate.person@example.test").digest("hex").slice(0, 40));
    await buckets.sweep(now);
    expect(await t.store.db.rateBucket.count({ where: { scope: "stored" } })).toBe(1);
    await buckets.sweep(now + 6_001);
    expect(await t.store.db.rateBucket.count({ where: { scope: "stored" } })).toBe(0);
  });
});
