import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvCell, csvLine, toCsv } from "./csv";

describe("the CSV writer", () => {
  describe("Happy path", () => {
    it("quotes only what needs quoting", () => {
      expect(csvCell("plain")).toBe("plain");
      expect(csvCell('Priced at €1,400 ("hold")')).toBe('"Priced at €1,400 (""hold"")"');
      expect(csvCell("two\nlines")).toBe('"two\nlines"');
      expect(csvCell(-2)).toBe("-2");
      expect(csvCell(null)).toBe("");
    });

    it("reads back as the same rows with a CSV parser", () => {
      const rows = [
        ["search.destinations.searched", "Searched Lisbon, 12–19 Jun, 2 adults"],
        ["booking.booking.priced", 'Priced at €1,400 ("final")\r\nand held'],
      ];
      expect(parse(toCsv(["event", "description"], rows), { columns: true })).toEqual(rows.map(([event, description]) => ({ event, description })));
    });
  });

  describe("Sad path: a cell a spreadsheet would run", () => {
    it.each(['=HYPERLINK("http://x","y")', "+1", "-1+1", "@SUM(A1)", "\tcmd", "\rcmd"])("neutralises %j with a leading apostrophe", (cell) => {
      const read = (parse(csvLine([cell]), { relax_quotes: true }) as string[][])[0]?.[0];
      expect(read).toBe(`'${cell}`);
    });

    it("guards the header too, and leaves numbers alone", () => {
      expect(
        toCsv(
          ["=a", "b"],
          [
            ["x,y", 1],
            ['say "hi"', null],
            ["=cmd()", -2],
            ["+1", 0],
          ],
        ),
      ).toBe('\'=a,b\r\n"x,y",1\r\n"say ""hi""",\r\n\'=cmd(),-2\r\n\'+1,0\r\n');
    });
  });
});
