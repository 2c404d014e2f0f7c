import { describe, expect, it } from "vitest";
import { lineOfPath, linesOfPaths } from "../journey-store/json-locate";
import { EXAMPLE_RETENTION_POLICY } from "./example-policy";
import { readRetentionDraft } from "./policy-text";

describe("the retention editor's text", () => {
  it("reads the example the page offers as the issue's policy", () => {
    expect(readRetentionDraft(EXAMPLE_RETENTION_POLICY)).toEqual({
      ok: true,
      policy: {
        rules: [
          { types: ["search.*"], keepDays: 90 },
          { types: ["payment.*"], keepDays: 2555 },
        ],
        defaultKeepDays: null,
      },
    });
  });

  it("names each problem at the path the editor marks, on the line it is on", () => {
    const text = `{
  "rules": [
    { "types": "search.*", "keepDays": 90 },
    { "types": [], "keepDays": 0 }
  ],
  "defaultKeepDays": 1.5
}`;
    const read = readRetentionDraft(text);
    expect(read.ok).toBe(false);
    const errors = read.ok ? [] : read.errors;
    expect(errors.map((e) => e.path).sort()).toEqual(["defaultKeepDays", "rules[1].keepDays", "rules[1].types"]);
    expect(errors.find((e) => e.path === "rules[1].keepDays")?.message).toBe("keepDays must be at least 1 day");
    const lines = linesOfPaths(text);
    expect(errors.map((e) => lineOfPath(lines, e.path)).sort()).toEqual([4, 4, 6]);
  });

  it("says the text is not JSON, or not a policy at all, for the whole document", () => {
    const broken = readRetentionDraft('{ "rules": [');
    expect(broken.ok ? null : broken.errors[0]!.path).toBe("(the document)");
    expect(broken.ok ? "" : broken.errors[0]!.message).toMatch(/^not valid JSON/);
    const extra = readRetentionDraft('{ "rules": [], "defaultKeepDays": null, "keep": 3 }');
    expect(extra.ok ? [] : extra.errors.map((e) => e.path)).toEqual(["(the document)"]);
    expect(readRetentionDraft("x".repeat(200_001)).ok).toBe(false);
  });
});
