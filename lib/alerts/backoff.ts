/** How long a delivery is retried, from its firing (or from an admin's "send again"). */
export const RETRY_FOR_MS = 24 * 60 * 60_000;
/** The first retry's wait; each one after doubles it, up to RETRY_MAX_GAP_MS. */
export const RETRY_FIRST_GAP_MS = 30_000;
export const RETRY_MAX_GAP_MS = 60 * 60_000;

/** The wait after the n-th failed attempt (n ≥ 1): 30 s, 1 min, 2 min, … at most an hour (about 30 attempts in 24 hours). */
export function retryGapMs(failedAttempts: number): number {
  return Math.min(RETRY_MAX_GAP_MS, RETRY_FIRST_GAP_MS * 2 ** Math.max(0, failedAttempts - 1));
}

/**
 * When to try again after a failed attempt at `attemptedAt`, the n-th since `retryFrom`; null when
 * that would be past the 24 hours, and the delivery has failed.
 */
export function nextAttemptAfterFailure(retryFrom: number, attemptedAt: number, failedAttempts: number): number | null {
  const next = attemptedAt + retryGapMs(failedAttempts);
  return next > retryFrom + RETRY_FOR_MS ? null : next;
}
