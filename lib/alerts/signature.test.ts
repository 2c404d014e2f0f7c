import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signatureHeader, verifySignature } from "./signature";

describe("Rewind-Signature", () => {
  it("is t=<unix seconds>,v1=<hex HMAC-SHA256 of '<t>.<body>'> keyed with the secret's UTF-8 bytes", () => {
    const body = '{"id":"alt_1","note":"café"}';
    const header = signatureHeader("sécret", body, 1_780_000_000_999);
    const expected = createHmac("sha256", Buffer.from("sécret", "utf8")).update(`1780000000.${body}`).digest("hex");
    expect(header).toBe(`t=1780000000,v1=${expected}`);
    expect(verifySignature("sécret", body, header)).toBe(true);
    expect(verifySignature("sécret", `${body} `, header)).toBe(false);
    expect(verifySignature("sécret", body, header.replace("t=1780000000", "t=1780000001"))).toBe(false);
    expect(verifySignature("sécret", body, "v1=zz")).toBe(false);
  });
});
