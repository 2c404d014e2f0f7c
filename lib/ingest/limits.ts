import { positiveFromEnv, type Env } from "../config/env-number";

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
