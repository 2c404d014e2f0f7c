import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("CSV exports", () => {
  it("quote what needs quoting and never hand a spreadsheet a formula", () => {
    expect(toCsv(["a", "b"], [["x,y", 1], ['say "hi"', null], ["=cmd()", -2], ["+1", 0]])).toBe('a,b\r\n"x,y",1\r\n"say ""hi""",\r\n\'=cmd(),-2\r\n\'+1,0\r\n');
  });
});
