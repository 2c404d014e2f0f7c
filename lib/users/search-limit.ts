import type { RateLimit } from "../rate-limit/token-buckets";
import { positiveFromEnv, type Env } from "../config/env-number";

/**
 * Customer searches per viewer (a signed-in user or a service key): REWIND_USER_SEARCHES_PER_MINUTE
 * (default 60) with bursts of REWIND_USER_SEARCH_BURST (default 30). Sized for typing: a box that
 * suggests on every keystroke from the third character sends about 25 requests for a whole email
 * typed at 5 characters a second, which the burst holds, and an agent settles a search every few
 * seconds at most, which the rate holds. What it stops is enumeration: guessing names word by
 * word runs at one a second once the burst is spent.
 */
export function userSearchRateLimit(env: Env = process.env): RateLimit {
  return {
    ratePerSecond: positiveFromEnv(env, "REWIND_USER_SEARCHES_PER_MINUTE", 60) / 60,
    burst: positiveFromEnv(env, "REWIND_USER_SEARCH_BURST", 30, { integer: true }),
  };
}
