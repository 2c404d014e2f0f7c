import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import type { FileRecord } from "../read-records";

/**
 * OTTO's recsys dataset (train.jsonl / test.jsonl: one session per line,
 * `{"session", "events": [{"aid", "ts", "type"}]}`) as CloudEvents, one per event. The mapping is a
 * public contract, written out in docs/import-formats.md.
 */
export const OTTO_SOURCE = "/otto/recsys-dataset";

/** OTTO's three event types, and the event type each becomes. */
export const OTTO_TYPES: Readonly<Record<string, string>> = {
  clicks: "otto.article.clicked",
  carts: "otto.article.added_to_cart",
  orders: "otto.article.ordered",
};

const isWhole = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;

/** One event of a session as a CloudEvent, or what is wrong with it, naming the field (`events[3].ts`). */
export function ottoEventToCloudEvent(session: number, index: number, event: unknown): { value: Record<string, unknown> } | { error: string } {
  const at = `events[${index}]`;
  if (typeof event !== "object" || event === null || Array.isArray(event)) return { error: `${at}: not an object` };
  const { aid, ts, type } = event as Record<string, unknown>;
  if (!isWhole(aid)) return { error: `${at}.aid: ${JSON.stringify(aid) ?? "missing"} is not an article id (a whole number)` };
  if (!isWhole(ts)) return { error: `${at}.ts: ${JSON.stringify(ts) ?? "missing"} is not Unix milliseconds` };
  const mapped = typeof type === "string" ? OTTO_TYPES[type] : undefined;
  if (!mapped) return { error: `${at}.type: ${JSON.stringify(type) ?? "missing"} is not clicks, carts or orders` };
  const time = new Date(ts);
  if (Number.isNaN(time.getTime())) return { error: `${at}.ts: ${ts} is out of range` };
  return {
    value: {
      specversion: "1.0",
      // The event's place in its session's list: the same file always gives the same ids, so a
      // re-import is all duplicates, and two identical events in one session stay two events.
      id: `${session}-${index}`,
      source: OTTO_SOURCE,
      type: mapped,
      subject: `otto/${session}`,
      time: time.toISOString(),
      // OTTO's "session" is one anonymised shopper over four weeks, not one visit: it is the
      // person, and visits are found by inactivity, as for any producer without session ids.
      userid: `otto-${session}`,
      data: { aid },
    },
  };
}

/** One line of the file as its events' records (or one record saying why the line is refused). */
export function ottoLineToRecords(text: string, line: number): FileRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return [{ line, error: `not valid JSON: ${(error as Error).message}` }];
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return [{ line, error: "not a JSON object" }];
  const { session, events } = parsed as Record<string, unknown>;
  if (!isWhole(session)) return [{ line, error: `session: ${JSON.stringify(session) ?? "missing"} is not a session id (a whole number)` }];
  if (!Array.isArray(events)) return [{ line, error: "events: not an array" }];
  return events.map((event, index) => ({ line, at: `events[${index}]`, ...ottoEventToCloudEvent(session, index, event) }));
}

/** The events of an OTTO JSONL file, streamed one line (one session) at a time. */
export async function* ottoRecords(path: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<FileRecord> {
  const input = createReadStream(path, { encoding: "utf8" });
  input.on("data", (chunk) => onBytes(Buffer.byteLength(chunk as string)));
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() !== "") yield* ottoLineToRecords(text, line);
  }
}
