import type { Dialect, JsonPath } from "../db/dialect";
import { join, sql, type Sql } from "../db/sql";
import type { SearchCursor } from "./cursor";
import type { CheckedFilter } from "./check-filter";
import type { DataCondition } from "./filter";
import { asNumber } from "./where";

/**
 * A search as SQL over the live read models (sessions `s`) and the store (events `e`), the same on
 * both providers (what differs is lib/db's dialect). Every value is a bound parameter.
 */
const data = sql`e."data_json"`;
const analytics = sql`s."analytics"`;

/** Equal as a string (a boolean as `true`/`false`), or as a number when both are numbers. */
function equals(d: Dialect, steps: JsonPath, value: string): Sql {
  const type = d.jsonTypeAt(data, steps);
  const n = asNumber(value);
  const asText = sql`(${type} IN ('string', 'boolean') AND ${d.jsonValueAt(data, steps)} = ${value})`;
  return n === null ? asText : sql`(${asText} OR (${type} = 'number' AND ${d.jsonNumberAt(data, steps)} = ${n}))`;
}

export function dataCondition(d: Dialect, c: DataCondition): Sql {
  const present = sql`COALESCE(${d.jsonTypeAt(data, c.steps)}, 'null') <> 'null'`;
  switch (c.op) {
    case "eq":
      return equals(d, c.steps, c.value);
    case "ne":
      // a missing value is not equal either (exists:false asks for those alone)
      return sql`(${equals(d, c.steps, c.value)}) IS NOT TRUE`;
    case "in":
      return sql`(${join(
        c.value.map((v) => equals(d, c.steps, String(v))),
        " OR ",
      )})`;
    case "exists":
      return c.value ? present : sql`NOT (${present})`;
    case "gt":
      return sql`${d.jsonNumberAt(data, c.steps)} > ${c.value}`;
    case "lt":
      return sql`${d.jsonNumberAt(data, c.steps)} < ${c.value}`;
  }
}

/** The event condition on `e`: its type (or glob) and every `where`. */
export function eventConditions(d: Dialect, f: CheckedFilter): Sql[] {
  const out: Sql[] = [];
  if (f.hasType !== undefined && f.hasType !== "*") out.push(f.hasType.includes("*") ? d.globMatches(sql`e."type"`, f.hasType) : sql`e."type" = ${f.hasType}`);
  for (const c of f.where) out.push(dataCondition(d, c));
  return out;
}

/**
 * Events of session `s` that meet the event condition. A session's events lie between its first and
 * last event time (the (type, occurred_at) index finds them) and at or below its last position; the
 * session's blocks say which of those are its own.
 */
export function matchingEventsOfSession(d: Dialect, f: CheckedFilter): Sql {
  const p = d.cast(sql`p."value"`, "bigint");
  const own = sql`EXISTS (SELECT 1 FROM "session_blocks" b, ${d.jsonElements(sql`b."positions"`, "p", { text: true })}
    WHERE b."session_id" = s."id" AND ${p} = e."position")`;
  return join(
    [...eventConditions(d, f), sql`e."occurred_at" >= s."started_at"`, sql`e."occurred_at" <= s."last_event_at"`, sql`e."position" <= s."last_position"`, own],
    " AND ",
  );
}

/** Whether session `s` comes after the cursor in the search's order (newest start first, then id). */
export function afterCursor(d: Dialect, after: SearchCursor): Sql {
  const at = d.timestamp(after.startedAt);
  return sql`(s."started_at" < ${at} OR (s."started_at" = ${at} AND s."id" > ${after.id}))`;
}

/** The WHERE of a search on `sessions s` (after the cursor, when given). */
export function searchWhere(d: Dialect, f: CheckedFilter, after?: SearchCursor): Sql {
  const where: Sql[] = [sql`1 = 1`];
  if (f.journey !== undefined) where.push(sql`s."journey" = ${f.journey}`);
  if (f.from !== undefined) where.push(sql`s."analytics_day" >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`s."analytics_day" <= ${f.to}`);
  if (f.outcome !== undefined) where.push(sql`s."outcome" = ${f.outcome}`);
  if (f.dropReason !== undefined) where.push(sql`s."drop_reason" = ${f.dropReason}`);
  if (f.minEvents !== undefined) where.push(sql`s."event_count" >= ${f.minEvents}`);
  if (f.maxEvents !== undefined) where.push(sql`s."event_count" <= ${f.maxEvents}`);
  if (f.minDurationMs !== undefined) where.push(sql`s."duration_ms" >= ${f.minDurationMs}`);
  if (f.maxDurationMs !== undefined) where.push(sql`s."duration_ms" <= ${f.maxDurationMs}`);
  // The facts keep when each funnel step was first reached, by index (lib/analytics/session-facts.ts reachedAt).
  for (const i of f.reachedIndexes) where.push(d.jsonIsNumberAt(analytics, ["reachedAt", i]));
  for (const i of f.notReachedIndexes) where.push(sql`(${d.jsonIsNumberAt(analytics, ["reachedAt", i])}) IS NOT TRUE`);
  for (const dim of f.dimensions) {
    where.push(d.inJsonArray(sql`${`${dim.key}=${dim.value}`}`, d.cast(d.jsonText(analytics, "dimensionIndex"), "json")));
  }
  if (f.hasType !== undefined || f.where.length > 0) where.push(sql`EXISTS (SELECT 1 FROM "events" e WHERE ${matchingEventsOfSession(d, f)})`);
  if (after) where.push(afterCursor(d, after));
  return join(where, " AND ");
}
