/**
 * The session export's JSON, written in pieces: the same text as
 * `JSON.stringify({ session, events }, null, 2)` (what the export has always served), so a
 * streamed export of any length is valid JSON of the same shape, while only one page of events is
 * ever held. Each piece is a value pretty-printed on its own and indented to its depth.
 */
const indent = (text: string, by: string) => text.replaceAll("\n", `\n${by}`);

/** Everything before the first event. */
export function jsonExportStart(session: unknown): string {
  return `{\n  "session": ${indent(JSON.stringify(session, null, 2), "  ")},\n  "events": [`;
}

/** One event, `index` counting from 0 (the first has no comma before it). */
export function jsonExportEvent(event: unknown, index: number): string {
  return `${index === 0 ? "" : ","}\n    ${indent(JSON.stringify(event, null, 2), "    ")}`;
}

/**
 * Everything after the last event; an empty list stays `[]` as JSON.stringify writes it. `notes`,
 * when the reader may see them, follow the events as `JSON.stringify({ session, events, notes })` would.
 */
export function jsonExportEnd(eventCount: number, notes: readonly unknown[] | null = null): string {
  const events = eventCount === 0 ? "]" : "\n  ]";
  return `${events}${notes === null ? "" : `,\n  "notes": ${indent(JSON.stringify(notes, null, 2), "  ")}`}\n}`;
}
