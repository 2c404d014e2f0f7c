import { contentHashes, type StoredContent } from "../integrity/chain";
import type { Masker } from "../privacy/mask";
import type { ValueReplacer } from "./personal-values";

/** A stored event as erasure reads and rewrites it (the columns its content hash covers, and its stream). */
export interface ErasableEvent extends StoredContent {
  position: number;
  stream: string;
  contentHash: string;
}

/** What an erasure changed in one event, as its record in the chain vouches for it. */
export interface ErasedEvent {
  position: number;
  /**
   * the content hash of what it held (the one it was appended with, which the store keeps since
   * the chain was built on it, unless an earlier erasure changed it already)
   */
  before: string;
  /** the content hash of what it holds now */
  after: string;
  row: ErasableEvent;
}

export interface EventEraser {
  /**
   * For the customer's own events: the policy's paths and detectors, with the erasure marker for
   * a mask. Null for someone else's event (only values equal to the customer's are taken out) and
   * for Rewind's own audit events, whose viewers' names are not the customer's to erase.
   */
  policy: Masker | null;
  values: ValueReplacer;
  /**
   * for the columns a unique index covers (stream, event id): each value to a marker of its own
   * (`[erased:<reference>:<n>]`), so two of their streams never become one
   */
  keys: ValueReplacer;
}

function eraseString(value: string, eraser: EventEraser, attribute?: string): string {
  const replaced = eraser.values.text(value);
  if (!eraser.policy) return replaced;
  return attribute ? eraser.policy.attribute(attribute, replaced) : eraser.policy.text(replaced);
}

const orNull = <T>(value: T | null, f: (v: T) => T) => (value === null ? null : f(value));

function eraseBase64(value: string, eraser: EventEraser): string {
  const bytes = Buffer.from(value, "base64");
  const text = bytes.toString("utf8");
  // Binary data that is not UTF-8 text would be mangled by a round trip: it is left as sent.
  if (!Buffer.from(text, "utf8").equals(bytes)) return value;
  const erased = eraseString(text, eraser);
  return erased === text ? value : Buffer.from(erased, "utf8").toString("base64");
}

function eraseExtensions(extensions: unknown, eraser: EventEraser): unknown {
  if (!extensions || typeof extensions !== "object") return extensions;
  return Object.fromEntries(Object.entries(extensions as Record<string, unknown>).map(([k, v]) => [k, typeof v === "string" ? eraseString(v, eraser, k) : v]));
}

/**
 * The event with the customer's personal values taken out, or null when it holds none. Its
 * user id becomes the customer's pseudonym through the replacer (it is one of the values), so
 * the same person stays one person; its content hash column is left as appended (the chain
 * stands on it) and `after` is what the erasure record vouches for.
 */
export function eraseEvent(row: ErasableEvent, eraser: EventEraser): ErasedEvent | null {
  const data = row.dataJson === null || row.dataJson === undefined ? row.dataJson : eraser.values.deep(row.dataJson);
  const erased: ErasableEvent = {
    ...row,
    eventId: eraser.keys.text(row.eventId),
    stream: eraser.keys.text(row.stream),
    subject: orNull(row.subject, (s) => eraseString(s, eraser, "subject")),
    userid: orNull(row.userid, (s) => eraser.values.text(s)),
    sessionid: orNull(row.sessionid, (s) => eraser.values.text(s)),
    correlationid: orNull(row.correlationid, (s) => eraser.values.text(s)),
    causationid: orNull(row.causationid, (s) => eraser.values.text(s)),
    dataJson: eraser.policy && data !== null && data !== undefined ? eraser.policy.eventData(row.type, data) : data,
    dataText: orNull(row.dataText, (s) => eraseString(s, eraser)),
    dataBase64: orNull(row.dataBase64, (s) => eraseBase64(s, eraser)),
    extensions: eraseExtensions(row.extensions, eraser),
  };
  const before = contentHashes(row);
  const reading = Math.max(0, before.indexOf(row.contentHash));
  const after = contentHashes(erased)[reading]!;
  const same = after === before[reading] && erased.stream === row.stream;
  return same ? null : { position: row.position, before: before[reading]!, after, row: erased };
}
