import type { DatabaseTarget } from "./database-url";

type Provider = DatabaseTarget["provider"];

export type ColumnType = "text" | "integer" | "bigint" | "real" | "timestamp" | "json";

export type Columns = readonly (readonly [name: string, type: ColumnType])[];

const PG_CAST: Record<ColumnType, string> = {
  text: "",
  integer: "::integer",
  bigint: "::bigint",
  real: "::double precision",
  timestamp: "::timestamp(3)",
  json: "::jsonb",
};

/**
 * Dates as the Prisma adapters write them, so raw writes and Prisma queries compare alike:
 * SQLite keeps ISO text with a `+00:00` offset (text order is time order only if every row uses
 * the same form); PostgreSQL reads the instant into `timestamp(3)` as UTC.
 */
export function encodeDate(provider: Provider, date: Date | number | null): string | null {
  if (date === null) return null;
  const iso = (typeof date === "number" ? new Date(date) : date).toISOString();
  return provider === "sqlite" ? iso.replace("Z", "+00:00") : iso;
}

function encode(provider: Provider, type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === "timestamp") return encodeDate(provider, value as Date | number);
  if (type === "json") return JSON.stringify(value);
  if (type === "bigint") return Number(value);
  return value;
}

/**
 * A multi-row INSERT … SELECT whose rows travel as one JSON parameter (an array of row arrays)
 * that the database unpacks in array order (json_each / jsonb_array_elements). One bound
 * parameter per statement instead of one per value: Prisma's per-argument conversion dominated
 * bulk writes (see lib/eventstore/insert-rows.ts for the figures).
 */
export function jsonRowsInsert(
  provider: Provider,
  table: string,
  columns: Columns,
  rows: readonly (readonly unknown[])[],
  returning?: string,
): { sql: string; param: string } {
  const param = JSON.stringify(rows.map((row) => columns.map(([, type], i) => encode(provider, type, row[i]))));
  const names = columns.map(([name]) => `"${name}"`).join(",");
  const tail = returning ? ` RETURNING ${returning}` : "";
  const sql =
    provider === "sqlite"
      ? `INSERT INTO "${table}" (${names}) SELECT ${columns.map((_, i) => `"value" ->> ${i}`).join(", ")} FROM json_each(?) ORDER BY "key"${tail}`
      : `INSERT INTO "${table}" (${names}) SELECT ${columns.map(([, type], i) => `(r.e ->> ${i})${PG_CAST[type]}`).join(", ")} ` +
        `FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS r(e, n) ORDER BY r.n${tail}`;
  return { sql, param };
}

/** `IN (…)` over one JSON parameter: `"col" IN (SELECT … FROM json_each(?))`. */
export function jsonInList(provider: Provider, column: string, placeholder = 1): string {
  return provider === "sqlite"
    ? `${column} IN (SELECT "value" FROM json_each(?))`
    : `${column} IN (SELECT jsonb_array_elements_text($${placeholder}::jsonb))`;
}
