import { describe, expect, it } from "vitest";
import { createRandom } from "../simulate/random";
import { BUILT_IN_SOURCES } from "./detectors";
import { scanEmails, type CharSource } from "./email-scanner";

/** What the policy's email regex matched (the reference), as [start, end) pairs. */
function byRegex(text: string): [number, number][] {
  return [...text.matchAll(new RegExp(BUILT_IN_SOURCES.email, "gu"))].map((m) => [m.index, m.index + m[0].length]);
}

/** A string that counts how often the scanner reads it: the scanner's steps, not the clock. */
function counting(text: string): CharSource & { reads: number } {
  const source = {
    reads: 0,
    length: text.length,
    charCodeAt: (i: number) => {
      source.reads++;
      return text.charCodeAt(i);
    },
  };
  return source;
}

// Weighted toward what the regex turns on: '@', '.', labels, local-only characters, non-ASCII.
const ALPHABET = ["a", "b", "Z", "c", "o", "m", "0", "7", ".", ".", "-", "_", "%", "+", "@", "@", " ", ",", "é", "😀", "•", "("];

describe("the email scanner finds what the email regex found", () => {
  it("on 20,000 random short strings (seeded)", () => {
    const random = createRandom("email-scanner");
    for (let i = 0; i < 20_000; i++) {
      let text = "";
      for (let n = random.int(0, 40); n > 0; n--) text += random.pick(ALPHABET);
      expect(scanEmails(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });

  it("on the shapes that decide where a match ends", () => {
    for (const text of [
      "ann@example.com",
      "a@b.co1",
      "a@b.c",
      "a@b.cd.e",
      "a@b.cd.e-f.gh9",
      "x.a@b.com.",
      "a@b..com",
      "@a.com",
      "a@.com",
      "ann@ex.com.x-y@foo.com",
      "a@b@c.de",
      "mail ann.smith@example.co.uk or",
      "ann@ex.com,bob@ex.org",
      "a@b.Co",
      "é@b.com",
      "a😀@b.com",
    ]) {
      expect(scanEmails(text), text).toEqual(byRegex(text));
    }
  });

  it("on 1 MB of text with an email every few words", () => {
    const random = createRandom("email-scanner-big");
    const words = ["booking", "ann.smith@example.co.uk", "bk-000123", "a@b", "x.y@z.io,", "+44", "@", "tel.", "jo@ex.com."];
    let text = "";
    while (text.length < 1_000_000) text += `${random.pick(words)} `;
    expect(scanEmails(text)).toEqual(byRegex(text));
  });
});

describe("the email scanner is linear", () => {
  // At most five reads a character: the search for '@', the scan left from the '@' after it, the
  // scan right from the '@' before it, and the character that stops each of those two scans.
  // The regex read a run without '@' once per start position (n²/2 reads).
  const shapes: Record<string, (n: number) => string> = {
    "no @ at all": (n) => "a".repeat(n),
    "@ after a long local part": (n) => `${"a".repeat(n - 1)}@`,
    "@ before a long domain": (n) => `a@${"b.".repeat((n - 2) / 2)}`,
    "many @": (n) => "a@b".repeat(n / 3),
    "labels without a top-level domain": (n) => `a@${"b.1".repeat((n - 2) / 3)}`,
  };
  for (const [shape, make] of Object.entries(shapes)) {
    it(`${shape}: 100 KB and 1 MB cost the same per character`, () => {
      const small = counting(make(99_999));
      const big = counting(make(999_999));
      scanEmails(small);
      scanEmails(big);
      expect(small.reads).toBeLessThanOrEqual(5 * small.length);
      expect(big.reads).toBeLessThanOrEqual(5 * big.length);
      expect(big.reads / big.length).toBeCloseTo(small.reads / small.length, 2);
    });
  }
});
