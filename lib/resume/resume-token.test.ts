import { describe, expect, it } from "vitest";
import { REWIND_CONTINUE_TEMPLATE } from "./settings";
import { checkTemplate, fillTemplate, parseResumeToken, signResumeToken, verifyResumeToken } from "./resume-token";

const secret = "resume-secret";
const claims = { link: "rl_1", user: "usr-1", session: "s1", expires: Date.parse("2026-12-05T00:00:00Z") };
const row = { user: "usr-1", session: "s1" };
const now = Date.parse("2026-11-28T00:00:00Z");

describe("resume tokens", () => {
  const token = signResumeToken(secret, claims);
  const parsed = parseResumeToken(token)!;

  it("name their link and expiry, not the user or session, and hold until they expire", () => {
    expect(parsed).toMatchObject({ link: "rl_1", expires: claims.expires });
    expect(Buffer.from(token.split(".")[0]!, "base64url").toString()).not.toMatch(/usr-1|s1"/);
    expect(verifyResumeToken(secret, parsed, row, now)).toBeNull();
    expect(verifyResumeToken(secret, parsed, row, claims.expires)).toBe("expired");
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/);
  });

  it("fail for another user's or session's link, another secret, or any change", () => {
    expect(verifyResumeToken(secret, parsed, { ...row, user: "usr-2" }, now)).toBe("tampered");
    expect(verifyResumeToken(secret, parsed, { ...row, session: "s2" }, now)).toBe("tampered");
    expect(verifyResumeToken("other", parsed, row, now)).toBe("tampered");
    const later = Buffer.from(JSON.stringify({ link: "rl_1", expires: claims.expires * 2 })).toString("base64url");
    expect(verifyResumeToken(secret, parseResumeToken(`${later}.${parsed.signature}`)!, row, now)).toBe("tampered");
    expect(verifyResumeToken(secret, parseResumeToken(token.slice(0, -2))!, row, now)).toBe("tampered");
    for (const junk of ["", "abc", `${token}.x`, "e30.sig", `${Buffer.from("not json").toString("base64url")}.sig`]) expect(parseResumeToken(junk)).toBeNull();
  });
});

describe("resume tokens already sent to customers", () => {
  // Signed by the format before the signed-token helper existed: links in customers' mail must keep opening.
  const issued = "eyJsaW5rIjoicmxfMSIsImV4cGlyZXMiOjE3OTY0Mjg4MDAwMDB9.otDybnP90iQrZNFj6Ih6cqp9euk7kmYHYQdIFIlc4Ec";

  it("keep verifying, and new tokens are signed byte for byte the same", () => {
    expect(verifyResumeToken(secret, parseResumeToken(issued)!, row, now)).toBeNull();
    expect(signResumeToken(secret, claims)).toBe(issued);
  });
});

describe("the booking app's URL template", () => {
  it("fills placeholders, URL-encoded, and leaves missing ones empty", () => {
    const t = checkTemplate("https://book.example/resume?b={bookingId}&from={checkIn}&to={checkOut}&a={adults}&c={children}&x={extras}");
    expect(fillTemplate(t, { bookingId: "BK 1/2", checkIn: "2026-06-12", checkOut: null, adults: 2, children: 0, extras: "TRF,INS" })).toBe(
      "https://book.example/resume?b=BK%201%2F2&from=2026-06-12&to=&a=2&c=0&x=TRF%2CINS",
    );
  });

  it("refuses a template that is not an http(s) URL or names an unknown field", () => {
    expect(() => checkTemplate("javascript:alert({bookingId})")).toThrow(/http/);
    expect(() => checkTemplate("https://book.example/{password}")).toThrow(/unknown placeholder \{password\}/);
    expect(() => checkTemplate("not a url")).toThrow();
  });

  it("takes a path on Rewind's own host (the demo's /resume/continue), never one that names another host", () => {
    expect(checkTemplate(REWIND_CONTINUE_TEMPLATE)).toBe(REWIND_CONTINUE_TEMPLATE);
    expect(fillTemplate(REWIND_CONTINUE_TEMPLATE, { bookingId: "BK-1", destination: "Malta (MLA)", token: "a.b" })).toBe(
      "/resume/continue?booking=BK-1&offer=&destination=Malta%20(MLA)&checkIn=&checkOut=&adults=&children=&extras=&token=a.b",
    );
    expect(() => checkTemplate("//evil.example/resume?b={bookingId}")).toThrow(/an http\(s\) URL or a path on Rewind/);
    expect(() => checkTemplate("/\\evil.example/resume")).toThrow(/an http\(s\) URL or a path on Rewind/);
  });
});
