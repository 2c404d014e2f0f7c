import "server-only";
import { ApiError } from "../http/errors";
import { ingestRateLimit } from "../ingest/limits";
import { TokenBuckets } from "../rate-limit/token-buckets";

const globalForLimits = globalThis as unknown as { rewindIngestBuckets?: TokenBuckets };

/** Refuses (429) an append that would take a producer key over its rate; one bucket per key, per server process. */
export function checkIngestRate(keyId: string, events: number, now = Date.now()): void {
  globalForLimits.rewindIngestBuckets ??= new TokenBuckets(ingestRateLimit());
  const decision = globalForLimits.rewindIngestBuckets.take(keyId, events, now);
  if (!decision.allowed) {
    throw new ApiError("rate_limited", `this key is over its ingestion rate; retry in ${decision.retryAfterSeconds} s`, {
      retryAfterSeconds: decision.retryAfterSeconds,
      events,
    });
  }
}
