import { describe, expect, it } from "vitest";
import { ingestRateLimit } from "../ingest/limits";
import { TokenBuckets } from "./token-buckets";

describe("TokenBuckets", () => {
  it("allows a burst, then refuses until tokens flow back in, per caller", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 100, burst: 300 });
    expect(buckets.take("a", 300, 0)).toEqual({ allowed: true });
    expect(buckets.take("a", 50, 0)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take("b", 300, 0)).toEqual({ allowed: true });
    expect(buckets.take("a", 50, 400)).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(buckets.take("a", 50, 500)).toEqual({ allowed: true });
  });

  it("says how long to wait", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 10, burst: 100 });
    buckets.take("a", 100, 0);
    expect(buckets.take("a", 80, 0)).toEqual({ allowed: false, retryAfterSeconds: 8 });
  });

  it("refuses a request larger than the burst outright", () => {
    expect(new TokenBuckets({ ratePerSecond: 10, burst: 100 }).take("a", 101, 0).allowed).toBe(false);
  });

  it("reads its settings from the environment and refuses nonsense", () => {
    expect(ingestRateLimit({})).toEqual({ ratePerSecond: 50_000, burst: 100_000 });
    expect(ingestRateLimit({ REWIND_INGEST_EVENTS_PER_SECOND: "10", REWIND_INGEST_BURST: "20" })).toEqual({ ratePerSecond: 10, burst: 20 });
    expect(() => ingestRateLimit({ REWIND_INGEST_EVENTS_PER_SECOND: "-1" })).toThrow(/positive/);
  });
});

describe("giveBack", () => {
  it("returns what was taken, never above the burst, and only to a caller it knows", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 2 });
    buckets.take("a", 2, 0);
    expect(buckets.peek("a", 1, 0).allowed).toBe(false);
    buckets.giveBack("a", 1, 0);
    expect(buckets.take("a", 1, 0)).toEqual({ allowed: true });
    buckets.giveBack("a", 5, 0);
    expect(buckets.take("a", 3, 0).allowed).toBe(false);
    buckets.giveBack("stranger", 1, 0);
    expect(buckets.size).toBe(1);
  });
});

describe("peek and eviction", () => {
  it("peeks without spending, and forgets refilled buckets once there are many", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 2 });
    expect(buckets.peek("a", 1, 0)).toEqual({ allowed: true });
    buckets.take("a", 2, 0);
    expect(buckets.peek("a", 1, 0)).toMatchObject({ allowed: false });
    expect(buckets.peek("a", 1, 1000)).toEqual({ allowed: true });
    for (let i = 0; i < 10_000; i++) buckets.take(`caller-${i}`, 1, 0);
    buckets.take("late", 1, 60_000);
    expect(buckets.size).toBeLessThan(10);
  });
});

describe("the customer search limit", () => {
  it("defaults to 60 a minute with bursts of 30, and reads its variables", async () => {
    const { userSearchRateLimit } = await import("../users/search-limit");
    expect(userSearchRateLimit({})).toEqual({ ratePerSecond: 1, burst: 30 });
    expect(userSearchRateLimit({ REWIND_USER_SEARCHES_PER_MINUTE: "120", REWIND_USER_SEARCH_BURST: "5" })).toEqual({ ratePerSecond: 2, burst: 5 });
    expect(() => userSearchRateLimit({ REWIND_USER_SEARCH_BURST: "lots" })).toThrow(/REWIND_USER_SEARCH_BURST/);
  });

  it("lets a whole email be typed with a suggestion per keystroke, then slows a guesser to one a second", () => {
    const buckets = new TokenBuckets({ ratePerSecond: 1, burst: 30 });
    let now = 0;
    // 25 keystrokes at 5 a second
    for (let i = 0; i < 25; i++, now += 200) expect(buckets.take("viewer", 1, now).allowed).toBe(true);
    let allowed = 0;
    for (let i = 0; i < 600; i++, now += 100) if (buckets.take("viewer", 1, now).allowed) allowed++;
    // A minute of ten guesses a second: what was left of the burst (30 - 25 + 5 s refilled while
    // typing) plus one a second.
    expect(allowed).toBeGreaterThanOrEqual(60);
    expect(allowed).toBeLessThanOrEqual(10 + 61);
  });
});
