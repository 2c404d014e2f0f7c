import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { csvField, sessionCsv } from "./export-csv";

describe("session CSV", () => {
  it("quotes only what needs quoting", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('Priced at €1,400 ("hold")')).toBe('"Priced at €1,400 (""hold"")"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
  });

  it("reads back as the same rows with a CSV parser", () => {
    const rows = [
      { time: "2026-06-01T10:00:00.000Z", service: "search", event: "search.destinations.searched", description: "Searched Lisbon, 12–19 Jun, 2 adults" },
      { time: "2026-06-01T10:05:00.000Z", service: "booking", event: "booking.booking.priced", description: 'Priced at €1,400 ("final")' },
    ];
    expect(parse(sessionCsv(rows), { columns: true })).toEqual(rows);
  });
});
