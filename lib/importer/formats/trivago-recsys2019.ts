import { createReadStream } from "node:fs";
import { parse } from "csv-parse";
import type { FileRecord } from "../read-records";

/**
 * The trivago RecSys Challenge 2019 clickstream (train.csv / test.csv and their samples) as
 * CloudEvents. The mapping is a public contract, written out in docs/import-formats.md: one event
 * per row; the user, the session and the time go to CloudEvents attributes, every other column to
 * `data` under its own name (lists split on `|`, numbers as numbers, empty cells left out).
 */
export const TRIVAGO_SOURCE = "/trivago/recsys2019";

export const TRIVAGO_COLUMNS = [
  "user_id",
  "session_id",
  "timestamp",
  "step",
  "action_type",
  "reference",
  "platform",
  "city",
  "device",
  "current_filters",
  "impressions",
  "prices",
] as const;

/** The ten action types of the challenge, and the event type each becomes. */
export const TRIVAGO_TYPES: Readonly<Record<string, string>> = {
  "search for destination": "trivago.destination.searched",
  "search for poi": "trivago.poi.searched",
  "search for item": "trivago.item.searched",
  "filter selection": "trivago.filter.selected",
  "change of sort order": "trivago.sort_order.changed",
  "interaction item image": "trivago.item.image_interacted",
  "interaction item info": "trivago.item.info_interacted",
  "interaction item rating": "trivago.item.rating_interacted",
  "interaction item deals": "trivago.item.deals_interacted",
  "clickout item": "trivago.item.clicked_out",
};

type Row = Record<string, string | undefined>;

const WHOLE = /^\d+$/;
const list = (cell: string) => cell.split("|");

/** One row as a CloudEvent, or what is wrong with it, naming the column. */
export function trivagoRowToEvent(row: Row): { value: Record<string, unknown> } | { error: string } {
  const cell = (name: string) => row[name] ?? "";
  for (const name of ["user_id", "session_id", "timestamp", "step", "action_type"]) {
    if (cell(name) === "") return { error: `${name}: empty` };
  }
  if (!WHOLE.test(cell("timestamp"))) return { error: `timestamp: ${JSON.stringify(cell("timestamp"))} is not Unix seconds` };
  if (!WHOLE.test(cell("step")) || Number(cell("step")) < 1) return { error: `step: ${JSON.stringify(cell("step"))} is not a whole number from 1` };
  const type = TRIVAGO_TYPES[cell("action_type")];
  if (!type) return { error: `action_type: ${JSON.stringify(cell("action_type"))} is not one of the ten actions of RecSys 2019` };
  const time = new Date(Number(cell("timestamp")) * 1000);
  if (Number.isNaN(time.getTime())) return { error: `timestamp: ${cell("timestamp")} is out of range` };

  const data: Record<string, unknown> = { step: Number(cell("step")) };
  for (const name of ["reference", "platform", "city", "device"]) if (cell(name) !== "") data[name] = cell(name);
  if (cell("current_filters") !== "") data.current_filters = list(cell("current_filters"));
  if (cell("impressions") !== "") data.impressions = list(cell("impressions"));
  if (cell("prices") !== "") {
    const prices = list(cell("prices"));
    const bad = prices.find((p) => !WHOLE.test(p));
    if (bad !== undefined) return { error: `prices: ${JSON.stringify(bad)} is not a whole number` };
    if (data.impressions && prices.length !== (data.impressions as string[]).length) {
      return { error: `prices: ${prices.length} prices for ${(data.impressions as string[]).length} impressions` };
    }
    data.prices = prices.map(Number);
  }
  return {
    value: {
      specversion: "1.0",
      // A session's step is unique within it, so the same row always gets the same id: a re-import is all duplicates.
      id: `${cell("session_id")}-${cell("step")}`,
      source: TRIVAGO_SOURCE,
      type,
      subject: `trivago/${cell("session_id")}`,
      time: time.toISOString(),
      userid: cell("user_id"),
      sessionid: cell("session_id"),
      data,
    },
  };
}

/**
 * The rows of a trivago CSV file, streamed (memory stays that of one row), numbered by the line they
 * end on. The header must name the challenge's twelve columns; a file without them is refused whole,
 * before anything is appended. Line ends may be `\n`, `\r\n` or `\r\r\n` (one public sample has those).
 */
export async function* trivagoRecords(path: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<FileRecord> {
  const input = createReadStream(path);
  input.on("data", (chunk) => onBytes((chunk as Buffer).byteLength));
  const parser = input.pipe(parse({ bom: true, info: true, skip_empty_lines: true, relax_column_count: true, record_delimiter: ["\r\r\n", "\r\n", "\n"] }));
  let header: string[] | null = null;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!header) {
        const missing = TRIVAGO_COLUMNS.filter((c) => !record.includes(c));
        if (missing.length > 0) throw new Error(`line ${info.lines}: the header lacks the trivago RecSys 2019 column(s) ${missing.join(", ")}`);
        header = record;
        continue;
      }
      if (record.length !== header.length) {
        yield { line: info.lines, error: `has ${record.length} fields, the header has ${header.length}` };
        continue;
      }
      const row: Row = {};
      for (const [i, name] of header.entries()) row[name] = record[i];
      yield { line: info.lines, ...trivagoRowToEvent(row) };
    }
  } finally {
    input.destroy();
  }
}
