import type { Dialect } from "../db/dialect";
import { sql, type Sql } from "../db/sql";

/**
 * The two reads an append makes before it writes, each as one statement whatever the batch size:
 * the keys travel as a single JSON parameter, as in insert-rows.ts. (Through Prisma's query
 * builder they took a dozen round trips per 5,000-event batch, chunked under SQLite's bind limit.)
 * On PostgreSQL both read event_keys (Dialect.eventKeys): the events' own indexes are per month.
 */
export function storedIdentitiesQuery(d: Dialect, keys: readonly (readonly [string, string])[]): Sql {
  return sql`SELECT e."position", e."source", e."event_id", e."stream_version", e."content_hash" FROM ${d.jsonElements(d.json(keys), "j")}
    JOIN ${d.eventKeys} e ON e."source" = j."value" ->> 0 AND e."event_id" = j."value" ->> 1`;
}

export interface StoredIdentityRow {
  position: bigint | number;
  source: string;
  event_id: string;
  stream_version: bigint | number;
  content_hash: string;
}

export function streamVersionsQuery(d: Dialect, streams: readonly string[]): Sql {
  return sql`SELECT j."value" AS "stream", (SELECT MAX(e."stream_version") FROM ${d.eventKeys} e WHERE e."stream" = j."value") AS "version"
    FROM ${d.jsonElements(d.json(streams), "j", { text: true })}`;
}

export interface StreamVersionRow {
  stream: string;
  version: bigint | number | null;
}
