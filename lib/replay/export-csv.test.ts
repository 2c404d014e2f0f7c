import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { sessionCsv } from "./export-csv";

describe("session CSV", () => {
  it("reads back as the same rows with a CSV parser, each naming the journey version that described it", () => {
    const rows = [
      { time: "2026-06-01T10:00:00.000Z", service: "search", event: "search.destinations.searched", description: "Searched Lisbon, 12–19 Jun, 2 adults" },
      { time: "2026-06-01T10:05:00.000Z", service: "booking", event: "booking.booking.priced", description: 'Priced at €1,400 ("final")' },
    ];
    const version = "holiday-booking (built-in, fold v2)";
    expect(parse(sessionCsv(rows, version), { columns: true })).toEqual(rows.map((r) => ({ ...r, journey_version: version })));
  });

  it("keeps the four columns it always had first and in their order: the version is a trailing column", () => {
    const [header] = parse(sessionCsv([], "shop v3")) as string[][];
    expect(header).toEqual(["time", "service", "event", "description", "journey_version"]);
  });

  it("never hands a spreadsheet a formula: an event type or a description that starts like one is neutralised", () => {
    const row = { time: "2026-06-01T10:00:00.000Z", service: "search", event: '=HYPERLINK("http://x","y")', description: "@SUM(1+1)" };
    expect(parse(sessionCsv([row], "shop v3"), { columns: true })).toEqual([
      { ...row, event: `'${row.event}`, description: `'${row.description}`, journey_version: "shop v3" },
    ]);
  });
});
