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

export function contentHash(event: IncomingEvent): string {
  // crypto.hash: one call, about twice as fast as createHash for inputs this small.
  return hash("sha256", stableStringify(canonicalForm(event)), "base64url");
}
