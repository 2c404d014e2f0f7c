import type { Provider, Sql } from "./sql";

/** A path into JSON: object keys (plain names, `-` allowed) and array indexes. */
export type JsonPath = readonly (string | number)[];

/** A column's type, for reading it out of JSON text (PostgreSQL casts; SQLite takes the text). */
export type ColumnType = "text" | "integer" | "bigint" | "real" | "timestamp" | "json";

/**
 * What differs between SQLite and PostgreSQL, written once per provider: everything else in the
 * store is the same SQL on both. Fragments are Prisma tagged templates, so values stay bound.
 */
export interface Dialect {
  readonly provider: Provider;
  /**
   * Where an append looks up the keys already taken (position, source, event_id, stream,
   * stream_version, content_hash): the events themselves on SQLite; on PostgreSQL event_keys, one
   * unpartitioned index instead of one per month (migration 0040).
   */
  readonly eventKeys: Sql;
  /**
   * A date as the Prisma adapters write it, so raw writes and Prisma queries compare alike:
   * SQLite keeps ISO text with a `+00:00` offset (text order is time order only if every row uses
   * the same form); PostgreSQL reads the instant into `timestamp(3)` as UTC.
   */
  encodeDate(date: Date | number): string;
  /** A date parameter compared with a timestamp column. */
  timestamp(date: Date | number): Sql;
  /** A JSON parameter (SQL NULL for null or undefined). */
  json(value: unknown): Sql;
  /** JSON text already encoded, as a JSON parameter (SQL NULL for null). */
  jsonParam(text: string | null): Sql;
  /** Text read out of JSON (an element, `->> n`) as a value of a column of this type. */
  cast(text: Sql, type: ColumnType): Sql;
  /** `column IN (…)` over the elements of a JSON array (an expression, e.g. `json(values)`). */
  inJsonArray(column: Sql, array: Sql): Sql;
  /**
   * The elements of a JSON array as a table named `alias` with columns `"value"` (the element,
   * or its text with `text`) and `"key"` (its place, for ORDER BY).
   */
  jsonElements(array: Sql, alias: string, options?: { text?: boolean }): Sql;
  /** The array under a field of a JSON object, as jsonElements' table. */
  jsonFieldElements(object: Sql, field: string, alias: string): Sql;
  /** A field of a JSON object, as text (JSON null and a missing field are SQL NULL). */
  jsonText(object: Sql, field: string): Sql;
  /** A field of a JSON object, as a number. */
  jsonNumber(object: Sql, field: string): Sql;
  /** Whether a field of a JSON object is true. */
  jsonTrue(object: Sql, field: string): Sql;
  /** The text elements of an array field of a JSON object, in order, joined by a separator. */
  jsonJoinedTexts(object: Sql, field: string, separator: string): Sql;
  /** Rows as one JSON array text: `items` per row, in `orderBy` order where the engine keeps it. */
  jsonArrayOfRows(items: readonly Sql[], orderBy: Sql): Sql;
  /** A JSON column embedded as JSON in jsonArrayOfRows (not as a string holding JSON). */
  embeddedJson(column: Sql): Sql;
  /** A timestamp column as ISO text in jsonArrayOfRows. */
  isoText(column: Sql): Sql;
  /** The place of `needle` in `text` from 1, 0 for none. */
  position(text: Sql, needle: Sql): Sql;
  /** Whether `text` starts with `prefix` (false for a NULL prefix). */
  startsWith(text: Sql, prefix: Sql): Sql;
  /** Whether `text` holds a character outside a character class (e.g. `0-9 ()+.-`). */
  hasCharOutside(text: Sql, charClass: string): Sql;
  /**
   * The JSON type of the value at a path inside a JSON column (names and array indexes), as one of
   * `string`, `number`, `boolean`, `null`, `array`, `object`; SQL NULL where nothing is there.
   */
  jsonTypeAt(object: Sql, path: JsonPath): Sql;
  /** The value at a path as text: a string as itself, a boolean as `true`/`false`, a number as a number. */
  jsonValueAt(object: Sql, path: JsonPath): Sql;
  /** Whether the value at a path is a JSON number (SQL NULL where nothing is there). */
  jsonIsNumberAt(object: Sql, path: JsonPath): Sql;
  /** The value at a path as a number when it is a JSON number (else SQL NULL). */
  jsonNumberAt(object: Sql, path: JsonPath): Sql;
  /** Whether `text` matches the product's glob (`*` any run, every other character itself; lib/glob/glob.ts), case-sensitive. */
  globMatches(text: Sql, pattern: string): Sql;
  /** The start of an INSERT that skips rows whose key exists, and its end (after the SELECT). */
  insertIgnoring: { head: Sql; tail: Sql };
  /** Drops a trigger of a table. */
  dropTrigger(name: string, table: string): Sql;
}
