import type { Dialect } from "../db/dialect";
import { jsonRowsInsert, type Columns } from "../db/json-rows";
import type { Sql } from "../db/sql";

/** One row of the events table, in column order (see prisma/migrations/*\/0001_event_store.sql). */
export interface EventRow {
  source: string;
  eventId: string;
  stream: string;
  streamVersion: number;
  subject: string | null;
  type: string;
  specversion: string;
  time: Date | null;
  occurredAt: Date;
  recordedAt: Date;
  userid: string | null;
  anonymousid: string | null;
  sessionid: string | null;
  correlationid: string | null;
  causationid: string | null;
  datacontenttype: string | null;
  dataschema: string | null;
  dataJson: unknown;
  dataText: string | null;
  dataBase64: string | null;
  extensions: Record<string, unknown> | null;
  contentHash: string;
  /** the tamper-evidence chain's link (lib/integrity/chain.ts) */
  chainHash: string;
}

export const EVENT_COLUMNS: Columns = [
  ["source", "text"],
  ["event_id", "text"],
  ["stream", "text"],
  ["stream_version", "integer"],
  ["subject", "text"],
  ["type", "text"],
  ["specversion", "text"],
  ["time", "timestamp"],
  ["occurred_at", "timestamp"],
  ["recorded_at", "timestamp"],
  ["userid", "text"],
  ["anonymousid", "text"],
  ["sessionid", "text"],
  ["correlationid", "text"],
  ["causationid", "text"],
  ["datacontenttype", "text"],
  ["dataschema", "text"],
  ["data_json", "json"],
  ["data_text", "text"],
  ["data_base64", "text"],
  ["extensions", "json"],
  ["content_hash", "text"],
  ["chain_hash", "text"],
];

/** Rows per INSERT statement (the request limit is 5,000 events). */
export const INSERT_CHUNK = 5_000;

/**
 * The INSERT for a chunk of events. Prisma's createMany spent ten times as long building the
 * same rows (5,000 events: 1.7 s against 0.16 s), and one JSON parameter instead of 22 per row
 * also spares Prisma's per-argument conversion (0.15 s → 0.09 s). Appends are the store's hot
 * path, so the append module writes this statement itself, through Prisma's raw query API,
 * inside the append transaction. Positions follow the array order.
 */
export function insertStatement(d: Dialect, rows: readonly EventRow[]): Sql {
  return jsonRowsInsert(d, "events", EVENT_COLUMNS, rows.map(eventRowValues), { returning: `"position", "source", "event_id"` });
}

/** A row's values in EVENT_COLUMNS order. */
export function eventRowValues(r: EventRow): unknown[] {
  return [
    r.source,
    r.eventId,
    r.stream,
    r.streamVersion,
    r.subject,
    r.type,
    r.specversion,
    r.time,
    r.occurredAt,
    r.recordedAt,
    r.userid,
    r.anonymousid,
    r.sessionid,
    r.correlationid,
    r.causationid,
    r.datacontenttype,
    r.dataschema,
    r.dataJson === undefined ? null : r.dataJson,
    r.dataText,
    r.dataBase64,
    r.extensions,
    r.contentHash,
    r.chainHash,
  ];
}
