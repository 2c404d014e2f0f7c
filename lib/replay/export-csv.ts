/** One CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export interface CsvRow {
  time: string;
  service: string;
  event: string;
  description: string;
}

/** A session's timeline as CSV for a dispute: time, service, event, description. */
export function sessionCsv(rows: readonly CsvRow[]): string {
  const lines = ["time,service,event,description", ...rows.map((r) => [r.time, r.service, r.event, r.description].map(csvField).join(","))];
  return `${lines.join("\r\n")}\r\n`;
}
