import { dialectOf, inList } from "../db/dialect";
import type { Store } from "../db/prisma";
import { sql } from "../db/sql";
import { EVENT_TYPES, SOURCES } from "../journeys/booking/booking-events";

/**
 * What the store's events call these destination codes ("MLA" → "Malta"): the newest
 * search.destination.viewed from the search service (the only source the booking journey believes
 * for it) that named each code, in any session. One query for all the codes a page shows, so a
 * session that never looked at its offer's place still reads "Malta (MLA)" when another one did.
 */
export async function readPlaceNames(store: Store, codes: readonly string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  if (wanted.length === 0) return new Map();
  const d = dialectOf(store.target.provider);
  const code = d.jsonText(sql`"data_json"`, "destination");
  const name = d.jsonText(sql`"data_json"`, "name");
  const rows = await store.db.$queryRaw<{ code: string; name: string }[]>(sql`SELECT "code", "name" FROM (
      SELECT ${code} AS "code", ${name} AS "name", ROW_NUMBER() OVER (PARTITION BY ${code} ORDER BY "position" DESC) AS "newest"
      FROM "events"
      WHERE "type" = ${EVENT_TYPES.destinationViewed} AND "source" = ${SOURCES.search} AND ${inList(d, code, wanted)} AND ${name} IS NOT NULL AND ${name} <> ''
    ) named WHERE "newest" = 1`);
  return new Map(rows.map((r) => [r.code, r.name]));
}
