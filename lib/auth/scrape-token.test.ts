import { describe, expect, it } from "vitest";
import { isScrapeToken } from "./scrape-token";

describe("the scrape token", () => {
  const token = "scrape-7f2c9b1e4a";

  it("matches only the configured token, sent as a bearer token", () => {
    expect(isScrapeToken(`Bearer ${token}`, token)).toBe(true);
    expect(isScrapeToken(`bearer   ${token} `, token)).toBe(true);
    expect(isScrapeToken(`Bearer ${token}x`, token)).toBe(false);
    expect(isScrapeToken(`Bearer ${token.slice(0, -1)}`, token)).toBe(false);
    expect(isScrapeToken(`Basic ${token}`, token)).toBe(false);
    expect(isScrapeToken(token, token)).toBe(false);
    expect(isScrapeToken(null, token)).toBe(false);
  });

  it("matches nothing when no token is configured, not even an empty one", () => {
    expect(isScrapeToken(`Bearer ${token}`, undefined)).toBe(false);
    expect(isScrapeToken("Bearer ", "")).toBe(false);
    expect(isScrapeToken(`Bearer ${token}`, "")).toBe(false);
  });
});
