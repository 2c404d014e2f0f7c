import { describe, expect, it } from "vitest";
import { fillResumeUrl } from "./templates";

describe("filling a resume URL", () => {
  it("fills facts, the user, the session and the token, each URL-encoded", () => {
    const url = fillResumeUrl("https://shop.example/cart?product={facts.product}&u={userid}&s={sessionid}&t={token}", {
      facts: { product: "red shoes & socks/2" },
      userid: "ann@example.com",
      sessionid: "s 1",
      token: "tok+en=",
    });
    expect(url).toBe("https://shop.example/cart?product=red%20shoes%20%26%20socks%2F2&u=ann%40example.com&s=s%201&t=tok%2Ben%3D");
    expect(new URL(url).searchParams.get("product")).toBe("red shoes & socks/2");
  });
  it("fills a missing fact or user as empty and leaves other braces as written", () => {
    expect(fillResumeUrl("https://x/{facts.none}/{userid}/{other}", { facts: {}, userid: null, sessionid: "s", token: "t" })).toBe("https://x///{other}");
  });
});
