import { describe, expect, it } from "vitest";
import { openQuery, sealQuery } from "./sealed-query";

describe("a search query sealed for a URL", () => {
  it("opens to what was typed, and shows none of it", () => {
    const token = sealQuery("s3cret", "jane.doe@example.com");
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    // Not the text, nor any 8 characters of it in base64: encrypted, not encoded. (Not "no doe in
    // it, whatever the case": 64 random characters hold one now and then.)
    expect(token).not.toContain("jane.doe");
    const encoded = Buffer.from("jane.doe@example.com").toString("base64url");
    for (let i = 0; i + 8 <= encoded.length; i++) expect(token).not.toContain(encoded.slice(i, i + 8));
    expect(openQuery("s3cret", token)).toBe("jane.doe@example.com");
    // Sealed twice, two tokens: equal tokens would tell that two searches were the same.
    expect(sealQuery("s3cret", "jane.doe@example.com")).not.toBe(token);
  });

  it("opens nothing for another secret, a changed token or garbage", () => {
    const token = sealQuery("s3cret", "Jane Doe");
    expect(openQuery("other", token)).toBeNull();
    const flipped = Buffer.from(token, "base64url");
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 1) ^ 1, flipped.length - 1);
    expect(openQuery("s3cret", flipped.toString("base64url"))).toBeNull();
    expect(openQuery("s3cret", "x")).toBeNull();
    expect(openQuery("s3cret", "")).toBeNull();
  });
});
