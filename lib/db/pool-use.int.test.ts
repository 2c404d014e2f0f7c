import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, testProviders, throughPgBouncer, type TestStore } from "../testing/test-stores";

/**
 * GET /api/metrics reads the pool's counts from Store.poolUse: the pg Pool the adapter really
 * draws from (counted here another way: connections PostgreSQL itself sees from this database).
 */
// Through PgBouncer the lock this test holds from outside the pool is a session lock, which transaction pooling does not keep.
describe.skipIf(throughPgBouncer()).each(testProviders())("the connection pool's use on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it(
    provider === "postgresql" ? "counts the connections the queries hold, and those queued past the pool's 10" : "is not reported: SQLite has no pool",
    async () => {
      if (provider === "sqlite") {
        expect(t.store.poolUse).toBeUndefined();
        return;
      }
      const poolUse = t.store.poolUse!;
      expect(poolUse()).toEqual({ total: 0, idle: 0, waiting: 0 });
      // The client connects on its first query, and keeps the connection idle in the pool after it.
      await t.store.db.$queryRawUnsafe("SELECT 1 AS one");
      expect(poolUse()).toEqual({ total: 1, idle: 1, waiting: 0 });
      // 12 queries at once, each held on a lock a connection outside the pool holds: 10 open, 2 wait
      // for one. Waited for by the counts, not by time; PostgreSQL's own count checks them.
      const outside = new pg.Client({ connectionString: t.target.url });
      await outside.connect();
      await outside.query("SELECT pg_advisory_lock(4242)");
      // (.then starts each: a Prisma query is lazy until then.)
      const running = Array.from({ length: 12 }, () =>
        t.store.db.$queryRawUnsafe("SELECT 1 AS one FROM pg_advisory_xact_lock_shared(4242)").then(() => undefined),
      );
      // The pool counts a connection from when it starts opening; PostgreSQL, once it is open.
      const openInPostgres = async () =>
        Number(
          (
            await outside.query<{ n: string }>(
              "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'",
            )
          ).rows[0]!.n,
        );
      let seen = await openInPostgres();
      for (let i = 0; i < 1_000 && seen < 10; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        seen = await openInPostgres();
      }
      const peak = poolUse();
      await outside.query("SELECT pg_advisory_unlock(4242)");
      await outside.end();
      await Promise.all(running);
      expect(peak).toEqual({ total: 10, idle: 0, waiting: 2 });
      expect(seen).toBe(peak.total);
      const after = poolUse();
      expect(after.waiting).toBe(0);
      expect(after.idle).toBe(after.total);
      expect(after.total).toBeGreaterThan(0);
    },
  );
});
