import { describe, expect, it } from "vitest";
import { lineOfParseError, lineOfPath, linesOfPaths } from "./json-locate";

const text = `{
  "name": "shop",
  "steps": [
    { "key": "viewed", "when": { "type": "a" } },
    {
      "key": "carted",
      "when": {
        "type": ""
      }
    }
  ],
  "outcome": { "completed": "x\\"y" }
}`;

describe("the line of a JSON path", () => {
  const lines = linesOfPaths(text);

  it("finds keys, array elements and nested values on their lines", () => {
    expect(lineOfPath(lines, "name")).toBe(2);
    expect(lineOfPath(lines, "steps")).toBe(3);
    expect(lineOfPath(lines, "steps[0].when.type")).toBe(4);
    expect(lineOfPath(lines, "steps[1]")).toBe(5);
    expect(lineOfPath(lines, "steps[1].when.type")).toBe(8);
    expect(lineOfPath(lines, "outcome.completed")).toBe(12);
  });

  it("places a path the text lacks at its nearest parent, and the document at line 1", () => {
    expect(lineOfPath(lines, "steps[1].when.source")).toBe(7);
    expect(lineOfPath(lines, "outcome.abandonedAfter")).toBe(12);
    expect(lineOfPath(lines, "claims")).toBe(1);
    expect(lineOfPath(lines, "(the document)")).toBe(1);
  });

  it("reads the line of a parse error from its message", () => {
    const broken = '{\n  "a": 1,\n  "b" 2\n}';
    let message = "";
    try {
      JSON.parse(broken);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(lineOfParseError(broken, message)).toBe(3);
  });
});
