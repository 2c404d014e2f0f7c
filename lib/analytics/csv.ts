import { csvField } from "../replay/export-csv";

/**
 * A table as CSV (RFC 4180). A text cell that a spreadsheet would run as a formula (=, +, -, @)
 * gets a leading apostrophe: exported data is data.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (v: string | number | null) => {
    if (v === null) return "";
    if (typeof v === "number") return String(v);
    return csvField(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  };
  return `${[header.map(cell).join(","), ...rows.map((r) => r.map(cell).join(","))].join("\r\n")}\r\n`;
}
