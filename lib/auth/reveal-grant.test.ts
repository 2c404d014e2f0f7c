import { describe, expect, it } from "vitest";
import { issueRevealGrant, REVEAL_MINUTES, verifyRevealGrant } from "./reveal-grant";

const secret = "test-secret";
const now = Date.parse("2026-11-28T10:00:00Z");

describe("reveal grants", () => {
  const grant = issueRevealGrant(secret, "s1", "viewer-1", now);

  it("hold for their session and viewer until they expire", () => {
    expect(verifyRevealGrant(secret, grant, "s1", "viewer-1", now + 1000)).toBe(true);
    expect(verifyRevealGrant(secret, grant, "s1", "viewer-1", now + REVEAL_MINUTES * 60_000)).toBe(false);
  });

  it("are refused for another session, another viewer, another secret or a changed payload", () => {
    expect(verifyRevealGrant(secret, grant, "s2", "viewer-1", now)).toBe(false);
    expect(verifyRevealGrant(secret, grant, "s1", "viewer-2", now)).toBe(false);
    expect(verifyRevealGrant("other", grant, "s1", "viewer-1", now)).toBe(false);
    const [payload, signature] = grant.split(".");
    const forged = Buffer.from(JSON.stringify({ s: "s1", v: "viewer-1", e: now * 2 })).toString("base64url");
    expect(verifyRevealGrant(secret, `${forged}.${signature}`, "s1", "viewer-1", now)).toBe(false);
    expect(verifyRevealGrant(secret, `${payload}`, "s1", "viewer-1", now)).toBe(false);
    expect(verifyRevealGrant(secret, "garbage", "s1", "viewer-1", now)).toBe(false);
  });
});
