import { describe, expect, it } from "vitest";
import { createRandom } from "../simulate/random";
import { globListMatches, globMatches, globPrefix, isGlob, parseGlobList } from "./glob";

/** The reference: the same syntax as an anchored regular expression (fine on the short strings below). */
function reference(pattern: string, text: string): boolean {
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&"))
    .join("[\\s\\S]*");
  return new RegExp(`^${source}$`, "u").test(text);
}

describe("the glob syntax", () => {
  describe("Happy path", () => {
    it.each([
      ["search.*", "search.destinations.searched", true],
      ["search.*", "search.", true],
      ["search.*", "search", false],
      ["search.*", "research.destinations.searched", false],
      ["offers.offer.viewed", "offers.offer.viewed", true],
      ["offers.offer.viewed", "offers.offer.viewedx", false],
      ["*.succeeded", "payment.payment.succeeded", true],
      ["payment.*.succeeded", "payment.refund.x.succeeded", true],
      ["/holidays/*", "/holidays/payment", true],
      ["*", "", true],
      ["", "", true],
      ["", "a", false],
      ["a**b", "ab", true],
      // Everything but * is literal: ? [ ] . \ mean themselves.
      ["a?c", "abc", false],
      ["a?c", "a?c", true],
      ["[ab]", "a", false],
      ["a.c", "abc", false],
    ])("%j against %j: %s", (pattern, text, expected) => {
      expect(globMatches(pattern, text)).toBe(expected);
      expect(reference(pattern, text)).toBe(expected);
    });

    it("reads a typed list: comma-separated, trimmed, empty ones dropped", () => {
      expect(parseGlobList(" search.* ,offers.offer.viewed,, ")).toEqual(["search.*", "offers.offer.viewed"]);
      expect(parseGlobList("")).toEqual([]);
      expect(globListMatches(["search.*", "offers.offer.viewed"], "offers.offer.viewed")).toBe(true);
      expect(globListMatches([], "anything")).toBe(false);
      expect(isGlob("search.*")).toBe(true);
      expect(isGlob("search.x")).toBe(false);
      expect(globPrefix("search.*.x")).toBe("search.");
    });
  });

  describe("Property: agrees with the reference on random patterns and texts", () => {
    const ALPHABET = ["a", "b", ".", "/", "*", "é", "?", "\\"];
    const random = createRandom("glob-property");
    const word = (max: number, alphabet: readonly string[]) => Array.from({ length: random.int(0, max) }, () => random.pick(alphabet)).join("");

    it("on 5,000 seeded cases", () => {
      for (let i = 0; i < 5_000; i++) {
        const pattern = word(8, ALPHABET);
        // Half the texts are built to match (each star filled), so both answers are exercised.
        const text =
          i % 2 === 0
            ? word(
                12,
                ALPHABET.filter((c) => c !== "*"),
              )
            : pattern.split("*").join(word(3, ["a", ".", "*"]));
        expect({ pattern, text, matches: globMatches(pattern, text) }).toEqual({ pattern, text, matches: reference(pattern, text) });
      }
    });
  });

  describe("Sad path: no catastrophic backtracking", () => {
    it("answers a many-star pattern against a long near-miss in linear-ish steps", () => {
      const pattern = `${"a*".repeat(30)}b`;
      const text = "a".repeat(20_000);
      expect(globMatches(pattern, text)).toBe(false); // a regex of this shape takes far longer
    });
  });
});
