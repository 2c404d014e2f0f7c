import { hash } from "node:crypto";
import { contentHash, stableStringify } from "../eventstore/canonical";
import type { EventData, ExtensionValue, IncomingEvent } from "../ingest/cloud-event";

/**
 * The store's tamper evidence. Every event appended since the chain began carries a link: the
 * hash of the link before it (in position order) with the event's content hash and what the store
 * itself decided for it (stream, stream version, when it was recorded). Change, remove, insert or
 * reorder an event and every link from there on stops matching; rewrite the links too and the
 * head no longer matches a digest (position + link) an auditor kept outside Rewind.
 */
export const CHAIN_GENESIS = "rewind-chain-v1";

export interface ChainedFields {
  contentHash: string;
  stream: string;
  streamVersion: number;
  recordedAt: Date;
  /** the producer's time, or the recorded time when it gave none */
  occurredAt: Date;
  /** extension attributes as stored (null for none) */
  extensions: unknown;
}

// Every row of one append shares its recordedAt: format it once (appends are the hot path).
let lastDate: Date | null = null;
let lastIso = "";

export function chainLink(previous: string | null, event: ChainedFields): string {
  if (event.recordedAt !== lastDate) {
    lastDate = event.recordedAt;
    lastIso = event.recordedAt.toISOString();
  }
  const occurred = event.occurredAt === event.recordedAt ? lastIso : event.occurredAt.toISOString();
  const extensions = event.extensions === null || event.extensions === undefined ? "null" : stableStringify(event.extensions);
  return hash(
    "sha256",
    `${previous ?? CHAIN_GENESIS}\n${event.contentHash}\n${event.stream}\n${event.streamVersion}\n${lastIso}\n${occurred}\n${extensions}`,
    "base64url",
  );
}

/** A stored event's columns, as much as its content hash covers. */
export interface StoredContent {
  specversion: string;
  eventId: string;
  source: string;
  type: string;
  subject: string | null;
  time: Date | null;
  datacontenttype: string | null;
  dataschema: string | null;
  userid: string | null;
  anonymousid: string | null;
  sessionid: string | null;
  correlationid: string | null;
  causationid: string | null;
  dataJson: unknown;
  dataText: string | null;
  dataBase64: string | null;
  extensions: unknown;
}

/**
 * Whether a stored event still hashes to the content hash recorded when it was appended. Data
 * sent as JSON `null` and no data at all are stored alike, so both readings are tried.
 */
export function contentMatches(row: StoredContent, recorded: string): boolean {
  return contentHashes(row).includes(recorded);
}

/** The content hash of each way the stored columns can be read (one, or two for no data). */
export function contentHashes(row: StoredContent): string[] {
  const readings: (EventData | null)[] =
    row.dataJson !== null && row.dataJson !== undefined
      ? [{ kind: "json", value: row.dataJson }]
      : row.dataText !== null
        ? [{ kind: "text", value: row.dataText }]
        : row.dataBase64 !== null
          ? [{ kind: "base64", value: row.dataBase64 }]
          : [null, { kind: "json", value: null }];
  return readings.map((data) => contentHash(incomingOf(row, data)));
}

function incomingOf(row: StoredContent, data: EventData | null): IncomingEvent {
  const extensions = row.extensions && typeof row.extensions === "object" ? (row.extensions as Record<string, ExtensionValue>) : {};
  return {
    specversion: row.specversion as "1.0",
    id: row.eventId,
    source: row.source,
    type: row.type,
    subject: row.subject,
    time: row.time,
    datacontenttype: row.datacontenttype,
    dataschema: row.dataschema,
    data,
    userid: row.userid,
    anonymousid: row.anonymousid,
    sessionid: row.sessionid,
    correlationid: row.correlationid,
    causationid: row.causationid,
    extensions,
    expectedVersion: null,
  };
}

/** A digest: the head of the chain at one moment, to keep outside Rewind. */
export interface Digest {
  position: number;
  link: string;
}

const DIGEST_PATTERN = /^rewind-digest:v1:(\d{1,15}):([A-Za-z0-9_-]{43})$/;

export function formatDigest(digest: Digest): string {
  return `rewind-digest:v1:${digest.position}:${digest.link}`;
}

export function parseDigest(text: string): Digest | null {
  const match = DIGEST_PATTERN.exec(text.trim());
  return match ? { position: Number(match[1]), link: match[2]! } : null;
}
