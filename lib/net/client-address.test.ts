import { describe, expect, it } from "vitest";
import { clientAddress, trustedProxiesFromEnv } from "./client-address";

describe("the client address behind a request", () => {
  it("is the peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddress("198.51.100.7", undefined, [])).toBe("198.51.100.7");
    expect(clientAddress("198.51.100.7", "203.0.113.1", [])).toBe("198.51.100.7");
  });

  it("is the peer when the peer is not one of the trusted proxies", () => {
    expect(clientAddress("198.51.100.7", "203.0.113.1", ["10.0.0.0/8"])).toBe("198.51.100.7");
  });

  it("reads the chain from the right past trusted hops, so a forged leftmost entry does not count", () => {
    expect(clientAddress("10.0.0.2", "203.0.113.1", ["10.0.0.0/8"])).toBe("203.0.113.1");
    expect(clientAddress("10.0.0.2", "6.6.6.6, 203.0.113.1, 10.0.0.9", ["10.0.0.0/8"])).toBe("203.0.113.1");
    expect(clientAddress("::ffff:127.0.0.1", "192.0.2.5", ["127.0.0.1"])).toBe("192.0.2.5");
  });

  it("falls back to the peer when the forwarded chain is not addresses", () => {
    expect(clientAddress("10.0.0.2", "not-an-ip", ["10.0.0.0/8"])).toBe("10.0.0.2");
  });

  it("refuses a trusted-proxy setting that names no address", () => {
    expect(trustedProxiesFromEnv(undefined)).toEqual([]);
    expect(trustedProxiesFromEnv(" 127.0.0.1, ::1 ,10.0.0.0/8")).toEqual(["127.0.0.1", "::1", "10.0.0.0/8"]);
    expect(() => trustedProxiesFromEnv("127.0.0.1, proxy.internal")).toThrow(/proxy\.internal/);
  });
});
