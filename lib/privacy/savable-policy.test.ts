import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { savablePolicySchema } from "./savable-policy";

const seed = JSON.parse(readFileSync("prisma/personal-data-policy.json", "utf8"));

async function refusals(patterns: { name: string; regex: string }[]) {
  const result = await savablePolicySchema.safeParseAsync({ ...seed, patterns: [...seed.patterns, ...patterns] });
  return result.success ? [] : result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
}

describe("saving a policy", () => {
  it("accepts the seed policy and a pattern that cannot backtrack", async () => {
    expect(await refusals([{ name: "booking reference", regex: "\\bbk-\\d{6}\\b" }])).toEqual([]);
  }, 30_000);

  it("refuses patterns that backtrack catastrophically, naming each one", async () => {
    const bad = [
      { name: "nested plus", regex: "(a+)+$" }, // exponential
      { name: "words", regex: "(\\w+\\s?)*$" }, // exponential
      { name: "hash", regex: "\\s*#\\s*" }, // quadratic: neighbours that overlap
      { name: "digit groups", regex: "(?:\\d{1,50}){1,50}x" }, // bounded, yet 25 digits take seconds
    ];
    const found = await refusals(bad);
    const first = seed.patterns.length;
    expect(found.map((f) => f.path)).toEqual(bad.map((_, i) => `patterns.${first + i}.regex`));
    for (const [i, pattern] of bad.entries()) expect(found[i]!.message).toContain(`pattern "${pattern.name}" can backtrack catastrophically`);
  }, 60_000);

  it("refuses what cannot be analysed rather than guess", async () => {
    const [found] = await refusals([{ name: "after x", regex: "(?<=x)a+b" }]);
    expect(found!.message).toMatch(/^pattern "after x" cannot be shown to run in linear time/);
  }, 30_000);
});
