import { csvLine } from "../csv/csv";

export interface CsvRow {
  time: string;
  service: string;
  event: string;
  description: string;
}

/**
 * The session CSV's first line: time, service, event, description (for a dispute), then which
 * version of the journey described them ("shop v3"): a trailing column, so the four that were
 * always there keep their names and places.
 */
export const SESSION_CSV_HEADER = csvLine(["time", "service", "event", "description", "journey_version"]);

/** The header when the file carries notes (for a reader who may see them): one more trailing column. */
export const SESSION_CSV_HEADER_WITH_NOTES = csvLine(["time", "service", "event", "description", "journey_version", "notes"]);

/** One event of a session as a CSV line, through the app's one writer (and its formula guard); `notes`: that column's cell, when the file has it. */
export function sessionCsvLine(row: CsvRow, journeyVersion: string, notes?: string): string {
  return csvLine([row.time, row.service, row.event, row.description, journeyVersion, ...(notes === undefined ? [] : [notes])]);
}

/** A session's timeline as CSV, whole (the export streams the same lines page by page). */
export function sessionCsv(rows: readonly CsvRow[], journeyVersion: string): string {
  return SESSION_CSV_HEADER + rows.map((row) => sessionCsvLine(row, journeyVersion)).join("");
}
