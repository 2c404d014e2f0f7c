import { hash } from "node:crypto";
import type { IncomingEvent } from "../ingest/cloud-event";

/**
 * JSON with object keys sorted at every depth, so two values that parse equal serialise equal
 * (PostgreSQL's jsonb reorders keys; producers order them as they like).
 */
export function stableStringify(value: unknown): string {
  // Hand-rolled rather than Object.entries + sort + map: it hashes every appended event, and this
  // form measured 4× faster on the reference world's events.
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + stableStringify(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  let out = "{";
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${stableStringify(item)}`;
    first = false;
  }
  return `${out}}`;
}

/**
 * What "the same event" means for an idempotent re-append: every attribute, times as the instant
 * they name, extension values as their canonical strings (binary mode carries them all as
 * strings), data as its parsed value. `expectedversion` is a precondition, not content.
 */
export function canonicalForm(event: IncomingEvent): Record<string, unknown> {
  const attributes: Record<string, string> = {};
  for (const [name, value] of Object.entries(event.extensions)) attributes[name] = String(value);
  for (const name of ["userid", "anonymousid", "sessionid", "correlationid", "causationid"] as const) {
    const value = event[name];
    if (value !== null) attributes[name] = value;
  }
  return {
    specversion: event.specversion,
    id: event.id,
    source: event.source,
    type: event.type,
    subject: event.subject,
    time: event.time ? event.time.toISOString() : null,
    datacontenttype: event.datacontenttype,
    dataschema: event.dataschema,
    data: event.data,
    extensions: attributes,
  };
}

const text = (value: string | null) => (value === null ? "null" : JSON.stringify(value));

/**
 * `stableStringify(canonicalForm(event))`, written straight out: the top-level keys in their
 * sorted order, without the object and its sort. It runs on every appended event (a tenth of an
 * append's time went to the general form); canonical.test.ts holds the two equal.
 */
export function canonicalText(event: IncomingEvent): string {
  const attributes: Record<string, string> = {};
  for (const name in event.extensions) attributes[name] = String(event.extensions[name]);
  if (event.userid !== null) attributes.userid = event.userid;
  if (event.anonymousid !== null) attributes.anonymousid = event.anonymousid;
  if (event.sessionid !== null) attributes.sessionid = event.sessionid;
  if (event.correlationid !== null) attributes.correlationid = event.correlationid;
  if (event.causationid !== null) attributes.causationid = event.causationid;
  return (
    `{"data":${stableStringify(event.data)},"datacontenttype":${text(event.datacontenttype)},"dataschema":${text(event.dataschema)}` +
    `,"extensions":${stableStringify(attributes)},"id":${text(event.id)},"source":${text(event.source)},"specversion":${text(event.specversion)}` +
    `,"subject":${text(event.subject)},"time":${event.time ? text(event.time.toISOString()) : "null"},"type":${text(event.type)}}`
  );
}

export function contentHash(event: IncomingEvent): string {
  // crypto.hash: one call, about twice as fast as createHash for inputs this small.
  return hash("sha256", canonicalText(event), "base64url");
}
