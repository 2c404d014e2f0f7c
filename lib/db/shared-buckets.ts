import { createHmac } from "node:crypto";
import type { RateDecision, RateLimit } from "../rate-limit/token-buckets";
import { raw, sql, type Provider, type Sql, type Tx } from "./sql";

/**
 * Rate limits held in the database (migration 0036), so every node behind a load balancer spends
 * from the same allowance: N nodes allow what one allows. Each limit and caller is one row with
 * the generic cell rate algorithm's "theoretical arrival time" (`tat`): each token costs
 * `1000 / ratePerSecond` ms of it, and a request is allowed while the time it would reach stays
 * within `burst` tokens of now. That is the token bucket of lib/rate-limit/token-buckets.ts in one
 * number, so one upsert decides and spends atomically: requests arriving together on different
 * nodes cannot all pass.
 *
 * Time is the caller's clock (`now`), as for the in-memory buckets: nodes' clocks agree to well
 * under a token's interval under NTP, and a test can hold it still. The caller is stored as a hash,
 * never as the email address or client address it was.
 */
const SWEEP_EVERY = 500;
const asNumber = (value: number): Sql => sql`CAST(${value} AS DOUBLE PRECISION)`;
let takesSinceSweep = 0;

export class SharedBuckets {
  constructor(
    private readonly db: Tx,
    private readonly provider: Provider,
    private readonly scope: string,
    private readonly limit: RateLimit,
    /** the server secret the callers' keys are made with (lib/auth/server-secret.ts) */
    private readonly secret: () => Promise<string>,
  ) {}

  get burst(): number {
    return this.limit.burst;
  }

  private async key(caller: string): Promise<string> {
    return createHmac("sha256", await this.secret())
      .update(`${this.scope}\n${caller}`)
      .digest("hex")
      .slice(0, 40);
  }

  private get interval(): number {
    return 1000 / this.limit.ratePerSecond;
  }

  async take(caller: string, cost: number, now: number): Promise<RateDecision> {
    if (++takesSinceSweep >= SWEEP_EVERY) {
      takesSinceSweep = 0;
      await this.sweep(now);
    }
    // Typed, or PostgreSQL compares two bare parameters as text.
    const spend = asNumber(cost * this.interval);
    const tolerance = asNumber(this.limit.burst * this.interval);
    const greatest = raw(this.provider === "postgresql" ? "GREATEST" : "MAX");
    const at = asNumber(now);
    const reached = sql`${greatest}("rate_buckets"."tat_ms", ${at}) + ${spend}`;
    const fits = sql`${reached} - ${at} <= ${tolerance}`;
    const [row] = await this.db.$queryRaw<{ tat: number; allowed: boolean | number }[]>(sql`
      INSERT INTO "rate_buckets" ("scope", "caller", "tat_ms", "allowed")
      VALUES (${this.scope}, ${await this.key(caller)}, CASE WHEN ${spend} <= ${tolerance} THEN ${at} + ${spend} ELSE ${at} END, ${spend} <= ${tolerance})
      ON CONFLICT ("scope", "caller") DO UPDATE SET
        "tat_ms" = CASE WHEN ${fits} THEN ${reached} ELSE "rate_buckets"."tat_ms" END,
        "allowed" = ${fits}
      RETURNING "tat_ms" AS "tat", "allowed"`);
    if (!row) throw new Error("rate_buckets: the upsert returned no row");
    if (row.allowed === true || row.allowed === 1) return { allowed: true };
    // Refused: nothing was spent, so `tat` is the one before this request.
    const waitMs = Math.max(Number(row.tat), now) + (cost - this.limit.burst) * this.interval - now;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Returns what a request took for something that turned out free (a successful sign-in). */
  async giveBack(caller: string, cost: number): Promise<void> {
    await this.db.$executeRaw(sql`UPDATE "rate_buckets" SET "tat_ms" = "tat_ms" - ${asNumber(cost * this.interval)}
      WHERE "scope" = ${this.scope} AND "caller" = ${await this.key(caller)}`);
  }

  /**
   * Rows whose bucket has refilled (of any limit) say nothing a missing row would not: callers that
   * come and go cost no space.
   */
  async sweep(now: number): Promise<void> {
    await this.db.$executeRaw(sql`DELETE FROM "rate_buckets" WHERE "tat_ms" < ${asNumber(now)}`);
  }
}
