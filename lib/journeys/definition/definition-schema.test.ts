import { describe, expect, it } from "vitest";
import { SHOP_DOCUMENT } from "../../testing/shop-journey";
import { validateJourneyDocument } from "./definition-schema";

type Json = { [key: string]: Json } | Json[] | string | number | boolean | null;
const REMOVE = Symbol("remove");

/** The example with one value set (or removed) at a path of keys. */
function errorsOf(at: (string | number)[], value: Json | typeof REMOVE) {
  const doc = structuredClone(SHOP_DOCUMENT) as unknown as Json;
  let parent = doc as Record<string | number, Json>;
  for (const k of at.slice(0, -1)) parent = parent[k] as Record<string | number, Json>;
  const last = at.at(-1)!;
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  const result = validateJourneyDocument(doc);
  return result.ok ? [] : result.errors;
}

describe("validating a journey definition", () => {
  describe("Happy path", () => {
    it("accepts the issue's example as written", () => {
      expect(validateJourneyDocument(structuredClone(SHOP_DOCUMENT))).toEqual({ ok: true, document: SHOP_DOCUMENT });
    });
    it("accepts the smallest definition", () => {
      const result = validateJourneyDocument({
        name: "a",
        label: "A",
        priority: 0,
        claims: { types: ["a.*"], sources: ["*"] },
        steps: [{ key: "s", label: "S", when: {} }],
        outcome: { completed: "s" },
      });
      expect(result.ok).toBe(true);
    });
  });

  describe("Sad path: each error names its JSON path", () => {
    it.each([
      ["steps[2].when.type", ["steps", 2, "when", "type"], ""],
      ["steps[1].when.colour", ["steps", 1, "when", "colour"], "red"],
      ["steps[0].when.data.bad key", ["steps", 0, "when", "data"], { "bad key": 1 }],
      ["steps[1].key", ["steps", 1, "key"], "viewed"],
      ["name", ["name"], "Shop Visits"],
      ["name", ["name"], "what-if"],
      ["priority", ["priority"], 1.5],
      ["claims.types", ["claims", "types"], []],
      ["outcome.completed", ["outcome", "completed"], "paid"],
      ["outcome.abandonedAfter", ["outcome", "abandonedAfter"], "nowhere"],
      ["outcome.labels.won", ["outcome", "labels"], { won: "Won" }],
      ["facts[0].keep", ["facts", 0, "keep"], "average"],
      ["facts[2].from", ["facts", 2, "from"], REMOVE],
      ["facts[1].key", ["facts", 1, "key"], "product"],
      ["dimensions[0].from", ["dimensions", 0, "from"], "data..productId"],
      ["dropReasons[0].when.data.reason", ["dropReasons", 0, "when", "data", "reason"], { equals: "x" }],
      ["resume.url", ["resume", "url"], "https://x/?p={facts.nothing}"],
      ["resume.url", ["resume", "url"], "https://x/?p={password}"],
      ["people.name[0]", ["people", "name"], ["data.customer name"]],
      ["extra", ["extra"], true],
    ] as [string, (string | number)[], Json | typeof REMOVE][])("%s", (path, at, value) => {
      const errors = errorsOf(at, value);
      expect(errors.map((e) => e.path)).toContain(path);
      expect(errors.every((e) => e.message.length > 0)).toBe(true);
    });
    it("names the document itself when it is not an object", () => {
      expect(validateJourneyDocument([1])).toMatchObject({ ok: false, errors: [{ path: "(the document)" }] });
    });
    it("says what is wrong with a bad data path", () => {
      expect(errorsOf(["steps", 0, "when", "data"], { "a b": 1 }).at(0)?.message).toMatch(/dotted names/);
    });
  });
});
