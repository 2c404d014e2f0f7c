import { closeSync, createReadStream, createWriteStream, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { finished } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import type { Digest } from "../integrity/chain";
import type { StoredEvent } from "../generated/sqlite/client";

/**
 * A purge's archive (docs/retention.md): `<purgeId>.ndjson.gz`, one line per removed event with
 * every column of its `events` row as stored (position as a number, dates as ISO text, JSON columns
 * as JSON), and `<purgeId>.manifest.json`. Both are fsynced before anything is deleted.
 */
export const COLUMNS = {
  position: "position",
  source: "source",
  eventId: "event_id",
  stream: "stream",
  streamVersion: "stream_version",
  subject: "subject",
  type: "type",
  specversion: "specversion",
  time: "time",
  occurredAt: "occurred_at",
  recordedAt: "recorded_at",
  userid: "userid",
  anonymousid: "anonymousid",
  sessionid: "sessionid",
  correlationid: "correlationid",
  causationid: "causationid",
  datacontenttype: "datacontenttype",
  dataschema: "dataschema",
  dataJson: "data_json",
  dataText: "data_text",
  dataBase64: "data_base64",
  extensions: "extensions",
  contentHash: "content_hash",
  chainHash: "chain_hash",
} as const satisfies Record<keyof StoredEvent, string>;

const DATES = new Set(["time", "occurredAt", "recordedAt"]);

export interface Manifest {
  purgeId: string;
  createdAt: string;
  policyVersion: number;
  count: number;
  positions: number[];
  events: { position: number; contentHash: string }[];
  chainBefore: Digest | null;
  chainAfter: Digest | null;
}

/** The archive folder: REWIND_ARCHIVE_DIR, or ./data/archive. */
export function archiveDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(/* turbopackIgnore: true */ env.REWIND_ARCHIVE_DIR || join(process.cwd(), "data", "archive"));
}

export const archivePaths = (dir: string, purgeId: string) => ({
  events: join(dir, `${purgeId}.ndjson.gz`),
  manifest: join(dir, `${purgeId}.manifest.json`),
});

/** The archive path's manifest (`x.ndjson.gz` → `x.manifest.json`). */
export const manifestPathOf = (eventsPath: string) => eventsPath.replace(/\.ndjson\.gz$/, ".manifest.json");

export function toArchiveLine(row: StoredEvent): string {
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = row[field as keyof StoredEvent];
    out[column] = field === "position" ? Number(value) : value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return JSON.stringify(out);
}

/** An archive line back as the row it was (dates revived), for checking it against the store. */
export function fromArchiveLine(line: string): Omit<StoredEvent, "position"> & { position: number } {
  const parsed = JSON.parse(line) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(COLUMNS)) {
    const value = parsed[column] ?? null;
    out[field] = DATES.has(field) && typeof value === "string" ? new Date(value) : value;
  }
  return out as Omit<StoredEvent, "position"> & { position: number };
}

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes the events file line by line (pages of rows from `pages`), then fsyncs it and its folder. */
export async function writeArchive(path: string, pages: AsyncIterable<StoredEvent[]>): Promise<void> {
  mkdirSync(resolve(path, ".."), { recursive: true });
  const gzip = createGzip();
  const file = createWriteStream(path, { flags: "wx" });
  gzip.pipe(file);
  for await (const rows of pages) {
    const chunk = rows.map((r) => `${toArchiveLine(r)}\n`).join("");
    if (!gzip.write(chunk)) await new Promise((r) => gzip.once("drain", r));
  }
  gzip.end();
  await finished(file);
  fsyncPath(path);
  fsyncPath(resolve(path, ".."));
}

/** Writes (or replaces, atomically) the manifest, fsynced. */
export function writeManifest(path: string, manifest: Manifest): void {
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(manifest, null, 2)}\n`);
  fsyncPath(temporary);
  renameSync(temporary, path);
  fsyncPath(resolve(path, ".."));
}

export function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, "utf8")) as Manifest;
}

/** The archive's lines, gunzipped, one at a time. */
export async function* readArchiveLines(path: string): AsyncGenerator<string> {
  const lines = createInterface({ input: createReadStream(path).pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) if (line.trim() !== "") yield line;
}
