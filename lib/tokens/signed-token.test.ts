import { describe, expect, it } from "vitest";
import { checkSignedToken, parseSignedToken, signToken, verifyToken } from "./signed-token";

const key = "token-key";
const now = Date.parse("2026-11-28T10:00:00Z");
const claims = { grant: "g1", expires: now + 60_000 };

describe("signed tokens", () => {
  describe("Happy path", () => {
    it("verify for their purpose and bound values until they expire, and carry their claims", () => {
      const token = signToken(key, "view-grant", claims, ["s1", "viewer-1"]);
      expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
      expect(verifyToken(key, "view-grant", token, ["s1", "viewer-1"], now)).toEqual({ ok: true, claims });
      expect(parseSignedToken(token)?.claims).toEqual(claims);
    });

    it("do not carry their bound values", () => {
      const token = signToken(key, "resume", claims, ["usr-secret-id"]);
      expect(Buffer.from(token.split(".")[0]!, "base64url").toString()).not.toContain("usr-secret-id");
    });
  });

  describe("Sad path", () => {
    const token = signToken(key, "view-grant", claims, ["s1"]);

    it("are expired from their expiry on", () => {
      expect(verifyToken(key, "view-grant", token, ["s1"], claims.expires - 1).ok).toBe(true);
      expect(verifyToken(key, "view-grant", token, ["s1"], claims.expires)).toEqual({ ok: false, problem: "expired" });
    });

    it("never verify as another purpose, even under the same key", () => {
      expect(verifyToken(key, "resume", token, ["s1"], now)).toEqual({ ok: false, problem: "tampered" });
      expect(verifyToken(key, "view-grants", token, ["s1"], now)).toEqual({ ok: false, problem: "tampered" });
    });

    it("fail under another key, for other bound values, or with any change", () => {
      expect(verifyToken("other-key", "view-grant", token, ["s1"], now)).toEqual({ ok: false, problem: "tampered" });
      expect(verifyToken(key, "view-grant", token, ["s2"], now)).toEqual({ ok: false, problem: "tampered" });
      expect(verifyToken(key, "view-grant", token, [], now)).toEqual({ ok: false, problem: "tampered" });
      const [, signature] = token.split(".");
      const longer = Buffer.from(JSON.stringify({ ...claims, expires: claims.expires * 2 })).toString("base64url");
      expect(verifyToken(key, "view-grant", `${longer}.${signature}`, ["s1"], now)).toEqual({ ok: false, problem: "tampered" });
      expect(verifyToken(key, "view-grant", token.slice(0, -2), ["s1"], now)).toEqual({ ok: false, problem: "tampered" });
      const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
      expect(verifyToken(key, "view-grant", flipped, ["s1"], now)).toEqual({ ok: false, problem: "tampered" });
    });

    it("are not tokens at all when malformed, without expiry, or not a JSON object", () => {
      const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
      for (const junk of ["", "abc", `${token}.x`, ".sig", "e30.", `${encode({ grant: "g1" })}.sig`, `${encode([1])}.sig`, `${encode(null)}.sig`]) {
        expect(parseSignedToken(junk), junk).toBeNull();
        expect(verifyToken(key, "view-grant", junk, ["s1"], now)).toEqual({ ok: false, problem: "tampered" });
      }
      expect(parseSignedToken(`${Buffer.from("not json").toString("base64url")}.sig`)).toBeNull();
    });

    it("refuse a purpose that could run into the signed payload", () => {
      expect(() => signToken(key, "view\ngrant", claims)).toThrow(/purpose/);
      const parsed = parseSignedToken(token)!;
      expect(() => checkSignedToken(key, "", parsed, ["s1"], now)).toThrow(/purpose/);
    });
  });
});
