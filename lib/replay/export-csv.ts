import { csvLine } from "../csv/csv";

export interface CsvRow {
  time: string;
  service: string;
  event: string;
  description: string;
}

/** The session CSV's first line: time, service, event, description (for a dispute). */
export const SESSION_CSV_HEADER = csvLine(["time", "service", "event", "description"]);

/** One event of a session as a CSV line, through the app's one writer (and its formula guard). */
export function sessionCsvLine(row: CsvRow): string {
  return csvLine([row.time, row.service, row.event, row.description]);
}

/** A session's timeline as CSV, whole (the export streams the same lines page by page). */
export function sessionCsv(rows: readonly CsvRow[]): string {
  return SESSION_CSV_HEADER + rows.map(sessionCsvLine).join("");
}
