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

  /** Whether `cost` would be allowed now, without spending anything. */
  peek(caller: string, cost: number, now: number): RateDecision {
    const { ratePerSecond, burst } = this.limit;
    const bucket = this.buckets.get(caller);
    const tokens = bucket ? Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond) : burst;
    return tokens >= cost ? { allowed: true } : { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((cost - tokens) / ratePerSecond)) };
  }

  take(caller: string, cost: number, now: number): RateDecision {
    this.evictIdle(now);
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

  /**
   * Returns tokens a caller took for something that turned out free (a successful sign-in): take
   * first, then give back, so that requests arriving together cannot all pass a peek.
   */
  giveBack(caller: string, cost: number, now: number): void {
    const bucket = this.buckets.get(caller);
    if (!bucket) return;
    const { ratePerSecond, burst } = this.limit;
    const tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond + cost);
    this.buckets.set(caller, { tokens, at: now });
  }

  /** Forgets buckets that have refilled: callers that come and go (random sign-in names) cost no memory. */
  private evictIdle(now: number): void {
    if (this.buckets.size < 10_000) return;
    const { ratePerSecond, burst } = this.limit;
    for (const [caller, bucket] of this.buckets) {
      if (bucket.tokens + ((now - bucket.at) / 1000) * ratePerSecond >= burst) this.buckets.delete(caller);
    }
  }

  get size(): number {
    return this.buckets.size;
  }
}
