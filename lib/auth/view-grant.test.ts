import { describe, expect, it } from "vitest";
import { signToken } from "../tokens/signed-token";
import { issueViewGrant, REVEAL_MINUTES, VIEW_HOURS, verifyViewGrant } from "./view-grant";

const secret = "test-secret";
const now = Date.parse("2026-11-28T10:00:00Z");
const subject = { session: "s1", viewer: "viewer-1", signIn: "auth-session-1" };

describe("view grants", () => {
  it("hold for their session, viewer and sign-in until they expire; a reveal expires sooner", () => {
    const view = issueViewGrant(secret, subject, false, now);
    const reveal = issueViewGrant(secret, subject, true, now);
    expect(verifyViewGrant(secret, view, subject, now + 1000)).toEqual({ revealed: false });
    expect(verifyViewGrant(secret, reveal, subject, now + 1000)).toEqual({ revealed: true });
    expect(verifyViewGrant(secret, reveal, subject, now + REVEAL_MINUTES * 60_000)).toBeNull();
    expect(verifyViewGrant(secret, view, subject, now + REVEAL_MINUTES * 60_000)).toEqual({ revealed: false });
    expect(verifyViewGrant(secret, view, subject, now + VIEW_HOURS * 3_600_000)).toBeNull();
  });

  it("are refused for another session, viewer or sign-in, another secret, or a changed payload", () => {
    const grant = issueViewGrant(secret, subject, true, now);
    expect(verifyViewGrant(secret, grant, { ...subject, session: "s2" }, now)).toBeNull();
    expect(verifyViewGrant(secret, grant, { ...subject, viewer: "viewer-2" }, now)).toBeNull();
    expect(verifyViewGrant(secret, grant, { ...subject, signIn: "after-signing-in-again" }, now)).toBeNull();
    expect(verifyViewGrant("other", grant, subject, now)).toBeNull();
    const [, signature] = grant.split(".");
    const forged = Buffer.from(JSON.stringify({ ...subject, revealed: true, expires: now * 2 })).toString("base64url");
    expect(verifyViewGrant(secret, `${forged}.${signature}`, subject, now)).toBeNull();
    expect(verifyViewGrant(secret, grant.split(".")[0]!, subject, now)).toBeNull();
    expect(verifyViewGrant(secret, `${grant}.x`, subject, now)).toBeNull();
    expect(verifyViewGrant(secret, "garbage", subject, now)).toBeNull();
  });

  it("are refused when signed for another purpose under the same secret (a resume token is no grant)", () => {
    const claims = { ...subject, revealed: true, expires: now + 60_000 };
    expect(verifyViewGrant(secret, signToken(secret, "resume", claims), subject, now)).toBeNull();
    expect(verifyViewGrant(secret, signToken(secret, "view-grant", claims), subject, now)).toEqual({ revealed: true });
  });
});
