import { describe, expect, it } from "vitest";
import { describePolicyErrors, describeRule, isDue, retentionPolicySchema, ruleIndexFor } from "./policy";

const DAY = 86_400_000;

describe("the retention policy", () => {
  it("takes the issue's example, and a single string for one glob", () => {
    const example = {
      rules: [
        { types: ["search.*"], keepDays: 90 },
        { types: ["payment.*"], keepDays: 2555 },
      ],
      defaultKeepDays: null,
    };
    expect(retentionPolicySchema.parse(example)).toEqual(example);
    expect(retentionPolicySchema.parse({ rules: [{ types: "search.*", sources: "/web", keepDays: 1 }], defaultKeepDays: 30 }).rules[0]).toEqual({
      types: ["search.*"],
      sources: ["/web"],
      keepDays: 1,
    });
  });

  it("names the rule and the field that is wrong", () => {
    const bad = retentionPolicySchema.safeParse({
      rules: [
        { types: "a.*", keepDays: 3 },
        { types: [], keepDays: 1.5 },
      ],
      defaultKeepDays: 0,
    });
    expect(bad.success).toBe(false);
    expect(describePolicyErrors(bad.error!).split("; ")).toEqual([
      "rules[1].types: types needs at least one glob",
      "rules[1].keepDays: keepDays must be a whole number of days",
      "defaultKeepDays: defaultKeepDays must be at least 1 day",
    ]);
    expect(retentionPolicySchema.safeParse({ rules: [], defaultKeepDays: null, extra: 1 }).success).toBe(false);
  });

  it("applies the first matching rule, by recorded time, and the default or forever after that", () => {
    const policy = retentionPolicySchema.parse({
      rules: [
        { types: "search.*", sources: "/web", keepDays: 1 },
        { types: "search.*", keepDays: 10 },
      ],
      defaultKeepDays: null,
    });
    expect(ruleIndexFor(policy, { type: "search.x", source: "/web" })).toBe(0);
    expect(ruleIndexFor(policy, { type: "search.x", source: "/app" })).toBe(1);
    expect(ruleIndexFor(policy, { type: "payment.x", source: "/web" })).toBeNull();
    const now = new Date("2026-03-01T00:00:00Z");
    const at = (days: number) => new Date(now.getTime() - days * DAY - 1);
    expect(isDue(policy, { type: "search.x", source: "/web", recordedAt: at(1) }, now)).toBe(true);
    expect(isDue(policy, { type: "search.x", source: "/app", recordedAt: at(1) }, now)).toBe(false);
    expect(isDue(policy, { type: "payment.x", source: "/app", recordedAt: at(9999) }, now)).toBe(false);
    expect(describeRule(policy, 0, 3)).toBe("search.* from /web kept 1 day (retention policy v3)");
  });
});
