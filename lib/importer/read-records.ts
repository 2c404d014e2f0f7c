import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { streamArray } from "stream-json/streamers/stream-array.js";

/**
 * One record of an import file: where it was, and the parsed value or why it did not parse. `at`
 * names the record within its line when a line holds several (an OTTO session's `events[3]`).
 */
export type FileRecord = { line: number; at?: string; value: unknown } | { line: number; at?: string; error: string };

async function firstNonSpaceChar(path: string): Promise<string | null> {
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 4096 })) {
    const match = /\S/.exec(chunk as string);
    if (match) return match[0];
  }
  return null;
}

/** NDJSON: one event per line; a line that does not parse is refused on its own. */
async function* ndjsonRecords(path: string, onBytes: (n: number) => void): AsyncGenerator<FileRecord> {
  const input = createReadStream(path, { encoding: "utf8" });
  input.on("data", (chunk) => onBytes(Buffer.byteLength(chunk as string)));
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === "") continue;
    try {
      yield { line, value: JSON.parse(text) };
    } catch (error) {
      yield { line, error: `not valid JSON: ${(error as Error).message}` };
    }
  }
}

/**
 * A JSON array of events, parsed as a stream so a file of millions of events takes the memory of
 * one. Records are numbered by their index in the array (1-based) rather than by line.
 */
async function* jsonArrayRecords(path: string, onBytes: (n: number) => void): AsyncGenerator<FileRecord> {
  const input = createReadStream(path);
  input.on("data", (chunk) => onBytes((chunk as Buffer).byteLength));
  const items = input.pipe(streamArray.withParserAsStream());
  for await (const item of items as AsyncIterable<{ key: number; value: unknown }>) {
    yield { line: item.key + 1, value: item.value };
  }
}

/**
 * The records of an import file: NDJSON, a JSON array, or a single JSON event. `onBytes` reports
 * progress through the file.
 */
export async function* readRecords(path: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<FileRecord> {
  const first = await firstNonSpaceChar(path);
  if (first === "[") {
    yield* jsonArrayRecords(path, onBytes);
  } else {
    yield* ndjsonRecords(path, onBytes);
  }
}
