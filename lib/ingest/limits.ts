export interface IngestLimits {
  maxBodyBytes: number;
  maxEventsPerRequest: number;
}

function positiveInt(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

/** Defaults: 10 MB and 5,000 events per request; REWIND_MAX_BODY_BYTES / REWIND_MAX_EVENTS_PER_REQUEST. */
export function ingestLimits(env: Record<string, string | undefined> = process.env): IngestLimits {
  return {
    maxBodyBytes: positiveInt(env.REWIND_MAX_BODY_BYTES, 10 * 1024 * 1024, "REWIND_MAX_BODY_BYTES"),
    maxEventsPerRequest: positiveInt(env.REWIND_MAX_EVENTS_PER_REQUEST, 5_000, "REWIND_MAX_EVENTS_PER_REQUEST"),
  };
}
