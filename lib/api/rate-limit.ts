import { positiveFromEnv, type Env } from "../config/env-number";

/**
 * A token bucket per caller: `ratePerSecond` tokens flow in up to `burst`; a request costs one token
 * per event. Pure apart from its own map; the clock is an argument.
 */
export interface RateLimit {
  ratePerSecond: number;
  burst: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly limit: RateLimit) {}

  take(caller: string, cost: number, now: number): RateDecision {
    const { ratePerSecond, burst } = this.limit;
    const bucket = this.buckets.get(caller) ?? { tokens: burst, at: now };
    const tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond);
    if (cost > burst) return { allowed: false, retryAfterSeconds: Math.ceil((cost - tokens) / ratePerSecond) };
    if (tokens < cost) {
      this.buckets.set(caller, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / ratePerSecond)) };
    }
    this.buckets.set(caller, { tokens: tokens - cost, at: now });
    return { allowed: true };
  }
}

/**
 * Ingestion per producer key: REWIND_INGEST_EVENTS_PER_SECOND (default 50,000) with bursts of
 * REWIND_INGEST_BURST events (default 100,000). The ingest benchmark (about 20,000 events/s) stays under it.
 */
export function ingestRateLimit(env: Env = process.env): RateLimit {
  return {
    ratePerSecond: positiveFromEnv(env, "REWIND_INGEST_EVENTS_PER_SECOND", 50_000),
    burst: positiveFromEnv(env, "REWIND_INGEST_BURST", 100_000),
  };
}
