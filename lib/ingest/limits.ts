import { positiveFromEnv, type Env } from "../config/env-number";
import type { RateLimit } from "../rate-limit/token-buckets";

export interface IngestLimits {
  maxBodyBytes: number;
  maxEventsPerRequest: number;
}

/** Defaults: 10 MB and 5,000 events per request; REWIND_MAX_BODY_BYTES / REWIND_MAX_EVENTS_PER_REQUEST. */
export function ingestLimits(env: Env = process.env): IngestLimits {
  return {
    maxBodyBytes: positiveFromEnv(env, "REWIND_MAX_BODY_BYTES", 10 * 1024 * 1024, { integer: true }),
    maxEventsPerRequest: positiveFromEnv(env, "REWIND_MAX_EVENTS_PER_REQUEST", 5_000, { integer: true }),
  };
}

/** What one event may hold, whichever way it arrives (HTTP in any mode, or the import command). */
export interface EventShapeLimits {
  /** the event's JSON form, UTF-8 bytes (binary data counted as its base64) */
  maxEventBytes: number;
  /** levels of objects and arrays, the event itself being level 1 */
  maxDepth: number;
  /** characters in any one string or key name (base64 data is bounded by the event size instead) */
  maxStringLength: number;
  /** object members in the whole event, attributes included */
  maxKeys: number;
}

/**
 * Defaults: 1 MiB an event, depth 64, 262,144 characters a string, 10,000 keys. Why these: SQLite's
 * JSON functions fail past depth 1,000 (the projector reads every page through them), a page of
 * 5,000 events must fit in one SQLite value (1e9 bytes) and in memory, and the masking of every
 * read is linear in the size of what it reads. CloudEvents asks intermediaries to forward 64 KiB.
 */
export function eventShapeLimits(env: Env = process.env): EventShapeLimits {
  return {
    maxEventBytes: positiveFromEnv(env, "REWIND_MAX_EVENT_BYTES", 1024 * 1024, { integer: true }),
    maxDepth: positiveFromEnv(env, "REWIND_MAX_NESTING_DEPTH", 64, { integer: true }),
    maxStringLength: positiveFromEnv(env, "REWIND_MAX_STRING_LENGTH", 262_144, { integer: true }),
    maxKeys: positiveFromEnv(env, "REWIND_MAX_KEYS_PER_EVENT", 10_000, { integer: true }),
  };
}

/**
 * Ingestion per producer key: REWIND_INGEST_EVENTS_PER_SECOND (default 50,000) with bursts of
 * REWIND_INGEST_BURST events (default 100,000). The ingest benchmark (about 20,000 events/s) stays under it.
 */
export function ingestRateLimit(env: Env = process.env): RateLimit {
  return {
    ratePerSecond: positiveFromEnv(env, "REWIND_INGEST_EVENTS_PER_SECOND", 50_000),
    burst: positiveFromEnv(env, "REWIND_INGEST_BURST", 100_000),
  };
}
