import type { DatabaseTarget } from "../db/database-url";

type Provider = DatabaseTarget["provider"];

/**
 * The two reads an append makes before it writes, each as one statement whatever the batch size:
 * the keys travel as a single JSON parameter, as in insert-rows.ts. (Through Prisma's query
 * builder they took a dozen round trips per 5,000-event batch, chunked under SQLite's bind limit.)
 */
export function storedIdentitiesQuery(provider: Provider, keys: readonly (readonly [string, string])[]) {
  const param = JSON.stringify(keys);
  const sql =
    provider === "sqlite"
      ? `SELECT e."position", e."source", e."event_id", e."stream_version", e."content_hash" FROM json_each(?) j ` +
        `JOIN "events" e ON e."source" = j."value" ->> 0 AND e."event_id" = j."value" ->> 1`
      : `SELECT e."position", e."source", e."event_id", e."stream_version", e."content_hash" FROM jsonb_array_elements($1::jsonb) j(v) ` +
        `JOIN "events" e ON e."source" = j.v ->> 0 AND e."event_id" = j.v ->> 1`;
  return { sql, param };
}

export interface StoredIdentityRow {
  position: bigint | number;
  source: string;
  event_id: string;
  stream_version: bigint | number;
  content_hash: string;
}

export function streamVersionsQuery(provider: Provider, streams: readonly string[]) {
  const param = JSON.stringify(streams);
  const sql =
    provider === "sqlite"
      ? `SELECT j."value" AS "stream", (SELECT MAX(e."stream_version") FROM "events" e WHERE e."stream" = j."value") AS "version" FROM json_each(?) j`
      : `SELECT j.s AS "stream", (SELECT MAX(e."stream_version") FROM "events" e WHERE e."stream" = j.s) AS "version" FROM jsonb_array_elements_text($1::jsonb) j(s)`;
  return { sql, param };
}

export interface StreamVersionRow {
  stream: string;
  version: bigint | number | null;
}
