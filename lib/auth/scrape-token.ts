import { bearerToken, hashesEqual, hashKey } from "./key-material";

/**
 * Whether an Authorization header carries the scrape token (REWIND_METRICS_TOKEN). Both sides are
 * hashed first and the digests compared in constant time, so neither the token's content nor its
 * length shows in how long a wrong guess takes. No token configured: nothing matches.
 */
export function isScrapeToken(authorization: string | null, configured: string | undefined): boolean {
  const token = bearerToken(authorization);
  if (!token || !configured) return false;
  return hashesEqual(hashKey(token), hashKey(configured));
}
