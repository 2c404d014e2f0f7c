import { raw, sql, type Provider, type Sql, type Tx } from "./sql";

/** The database's clock in epoch milliseconds: one clock for every node, however theirs drift. */
const nowMs = (provider: Provider): Sql =>
  provider === "postgresql"
    ? raw(`CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)`)
    : raw(`CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER)`);

/**
 * Takes or renews the lease `name` for `holder` for `ttlMs`: one conditional UPDATE, so two nodes
 * asking at once cannot both get it. It succeeds when the holder has it already, nobody has it, or
 * the lease ran out. Answers whether the holder has it now.
 */
export async function claimLease(db: Tx, provider: Provider, name: string, holder: string, ttlMs: number): Promise<boolean> {
  const now = nowMs(provider);
  const changed = await db.$executeRaw(sql`UPDATE "leases" SET
      "acquired_at_ms" = CASE WHEN "holder" = ${holder} AND "expires_at_ms" >= ${now} THEN "acquired_at_ms" ELSE ${now} END,
      "holder" = ${holder},
      "expires_at_ms" = ${now} + ${ttlMs}
    WHERE "name" = ${name} AND ("holder" = ${holder} OR "holder" IS NULL OR "expires_at_ms" < ${now})`);
  return changed === 1;
}

/** Gives the lease up at once (a clean shutdown), so a standby need not wait for it to run out. */
export async function releaseLease(db: Tx, name: string, holder: string): Promise<void> {
  await db.$executeRaw(sql`UPDATE "leases" SET "holder" = NULL, "expires_at_ms" = 0 WHERE "name" = ${name} AND "holder" = ${holder}`);
}

/** Who holds the lease and for how much longer (negative once it ran out); null for no row. */
export async function readLease(db: Tx, provider: Provider, name: string): Promise<{ holder: string | null; remainingMs: number } | null> {
  const [row] = await db.$queryRaw<{ holder: string | null; remaining: bigint | number }[]>(
    sql`SELECT "holder", "expires_at_ms" - ${nowMs(provider)} AS "remaining" FROM "leases" WHERE "name" = ${name}`,
  );
  return row ? { holder: row.holder, remainingMs: Number(row.remaining) } : null;
}
