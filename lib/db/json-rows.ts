import type { ColumnType, Dialect } from "./dialect";
import { ident } from "./names";
import { empty, join, raw, sql, type Sql } from "./sql";

export type { ColumnType };

export type Columns = readonly (readonly [name: string, type: ColumnType])[];

/** A value as the database keeps it in a column of `type` (dates as the dialect writes them, JSON as text). */
export function encodeColumn(d: Dialect, type: ColumnType, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (type === "timestamp") return d.encodeDate(value as Date | number);
  if (type === "json") return JSON.stringify(value);
  if (type === "bigint") return Number(value);
  return value;
}

export interface JsonRowsOptions {
  /** columns the INSERT returns */
  returning?: string;
  /** rows whose key exists are skipped (INSERT OR IGNORE, ON CONFLICT DO NOTHING) */
  ignoreExisting?: boolean;
  /** a clause after the SELECT, e.g. an ON CONFLICT … DO UPDATE */
  onConflict?: Sql;
  /** false where the row order does not matter (no positions are drawn): spares a sort */
  ordered?: boolean;
}

/**
 * A multi-row INSERT … SELECT whose rows travel as one JSON parameter (an array of row arrays)
 * that the database unpacks in array order (json_each / jsonb_array_elements). One bound
 * parameter per statement instead of one per value: Prisma's per-argument conversion dominated
 * bulk writes (see lib/eventstore/insert-rows.ts for the figures).
 */
export function jsonRowsInsert(d: Dialect, table: string, columns: Columns, rows: readonly (readonly unknown[])[], options: JsonRowsOptions = {}): Sql {
  const encoded = rows.map((row) => columns.map(([, type], i) => encodeColumn(d, type, row[i])));
  const names = join(
    columns.map(([name]) => ident(name)),
    ",",
  );
  const values = join(
    columns.map(([, type], i) => d.cast(raw(`r."value" ->> ${i}`), type)),
    ", ",
  );
  const head = options.ignoreExisting ? d.insertIgnoring.head : sql`INSERT INTO`;
  const order = options.ordered === false ? empty : sql` ORDER BY r."key"`;
  const conflict = options.ignoreExisting ? d.insertIgnoring.tail : (options.onConflict ?? empty);
  const returning = options.returning ? raw(` RETURNING ${options.returning}`) : empty;
  return sql`${head} ${ident(table)} (${names}) SELECT ${values} FROM ${d.jsonElements(d.json(encoded), "r")}${order}${conflict}${returning}`;
}
