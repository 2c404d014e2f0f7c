import type { ColumnType, Dialect } from "./dialect-types";
import { fieldName, jsonPathStep, literal, tableAlias } from "./names";
import { join, raw, sql } from "./sql";

const CAST: Record<ColumnType, string> = {
  text: "",
  integer: "::integer",
  bigint: "::bigint",
  real: "::double precision",
  timestamp: "::timestamp(3)",
  json: "::jsonb",
};

const key = (field: string) => raw(`'${fieldName(field)}'`);

/** `{a,b,0}` as a text[] parameter (the steps are plain names or indexes: nothing to quote). */
const pathArray = (steps: readonly (string | number)[]) => sql`CAST(${`{${steps.map(jsonPathStep).join(",")}}`} AS text[])`;

// LIKE's own specials (`%`, `_`, and the escape `\`) stand for themselves; `*` is any run.
const likePattern = (pattern: string) => pattern.replace(/[\\%_]/g, (c) => `\\${c}`).replaceAll("*", "%");

function encodeDate(date: Date | number): string {
  return (typeof date === "number" ? new Date(date) : date).toISOString();
}

export const postgresqlDialect: Dialect = {
  provider: "postgresql",
  eventKeys: raw(`"event_keys"`),
  encodeDate,
  timestamp: (date) => sql`${encodeDate(date)}::timestamp(3)`,
  json: (value) => sql`${value === null || value === undefined ? null : JSON.stringify(value)}::jsonb`,
  jsonParam: (text) => sql`${text}::jsonb`,
  cast: (text, type) => (CAST[type] === "" ? text : sql`(${text})${raw(CAST[type])}`),
  inJsonArray: (column, array) => sql`${column} IN (SELECT jsonb_array_elements_text(${array}))`,
  jsonElements: (array, alias, options) =>
    sql`${raw(options?.text ? "jsonb_array_elements_text" : "jsonb_array_elements")}(${array}) WITH ORDINALITY AS ${tableAlias(alias)}("value", "key")`,
  jsonFieldElements: (object, field, alias) => sql`jsonb_array_elements(${object} -> ${key(field)}) WITH ORDINALITY AS ${tableAlias(alias)}("value", "key")`,
  jsonText: (object, field) => sql`(${object} ->> ${key(field)})`,
  jsonNumber: (object, field) => sql`(${object} ->> ${key(field)})::int`,
  jsonTrue: (object, field) => sql`(${object} ->> ${key(field)})::boolean`,
  jsonJoinedTexts: (object, field, separator) => {
    const texts = sql`jsonb_array_elements_text(${object} -> ${key(field)}) WITH ORDINALITY t(value, ord)`;
    return sql`(SELECT string_agg(value, ${raw(`'${literal(separator)}'`)} ORDER BY ord) FROM ${texts})`;
  },
  jsonArrayOfRows: (items, orderBy) => sql`coalesce(json_agg(json_build_array(${join(items, ", ")}) ORDER BY ${orderBy}), '[]')::text`,
  embeddedJson: (column) => column,
  isoText: (column) => sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  position: (text, needle) => sql`strpos(${text}, ${needle})`,
  startsWith: (text, prefix) => sql`starts_with(${text}, ${prefix}::text)`,
  hasCharOutside: (text, charClass) => sql`${text} !~ ${raw(`'^[${literal(charClass)}]*$'`)}`,
  jsonTypeAt: (object, steps) => sql`jsonb_typeof(${object} #> ${pathArray(steps)})`,
  jsonValueAt: (object, steps) => sql`(${object} #>> ${pathArray(steps)})`,
  jsonIsNumberAt: (object, steps) => sql`jsonb_typeof(${object} #> ${pathArray(steps)}) = 'number'`,
  jsonNumberAt: (object, steps) =>
    sql`(CASE WHEN jsonb_typeof(${object} #> ${pathArray(steps)}) = 'number' THEN (${object} #>> ${pathArray(steps)})::double precision END)`,
  globMatches: (text, pattern) => sql`${text} LIKE ${likePattern(pattern)} ESCAPE '\\'`,
  insertIgnoring: { head: sql`INSERT INTO`, tail: sql` ON CONFLICT DO NOTHING` },
  dropTrigger: (name, table) => raw(`DROP TRIGGER "${fieldName(name)}" ON "${fieldName(table)}"`),
};
