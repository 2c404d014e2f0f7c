import { describe, expect, it } from "vitest";
import { nextAttemptAfterFailure, RETRY_FOR_MS, retryGapMs } from "./backoff";

describe("retry backoff", () => {
  it("doubles from 30 s up to an hour", () => {
    expect([1, 2, 3, 4, 8, 9, 20].map(retryGapMs)).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000, 3_600_000, 3_600_000]);
  });

  it("gives up once the next attempt would fall past 24 hours, after as many attempts as a plain loop counts", () => {
    const from = 0;
    let at = from;
    let attempts = 0;
    let expected = 1;
    for (let t = 0, n = 1; ; n++) {
      t += Math.min(3_600_000, 30_000 * 2 ** (n - 1));
      if (t > RETRY_FOR_MS) break;
      expected++;
    }
    for (;;) {
      attempts++;
      const next = nextAttemptAfterFailure(from, at, attempts);
      if (next === null) break;
      expect(next).toBeGreaterThan(at);
      at = next;
    }
    expect(attempts).toBe(expected);
    expect(at).toBeLessThanOrEqual(RETRY_FOR_MS);
  });
});
