import type { Dialect } from "./dialect-types";
import { empty, join, raw, sql } from "./sql";
import { fieldName, literal, tableAlias } from "./names";

function encodeDate(date: Date | number): string {
  return (typeof date === "number" ? new Date(date) : date).toISOString().replace("Z", "+00:00");
}

const path = (field: string) => raw(`'$.${fieldName(field)}'`);

export const sqliteDialect: Dialect = {
  provider: "sqlite",
  encodeDate,
  timestamp: (date) => sql`${encodeDate(date)}`,
  json: (value) => sql`${value === null || value === undefined ? null : JSON.stringify(value)}`,
  jsonParam: (text) => sql`${text}`,
  cast: (text) => text,
  inJsonArray: (column, array) => sql`${column} IN (SELECT "value" FROM json_each(${array}))`,
  jsonElements: (array, alias) => sql`json_each(${array}) ${tableAlias(alias)}`,
  jsonFieldElements: (object, field, alias) => sql`json_each(${object}, ${path(field)}) ${tableAlias(alias)}`,
  jsonText: (object, field) => sql`json_extract(${object}, ${path(field)})`,
  jsonNumber: (object, field) => sql`json_extract(${object}, ${path(field)})`,
  jsonTrue: (object, field) => sql`json_extract(${object}, ${path(field)}) = 1`,
  jsonJoinedTexts: (object, field, separator) =>
    sql`(SELECT group_concat(value, ${raw(`'${literal(separator)}'`)}) FROM (SELECT value FROM json_each(${object}, ${path(field)}) ORDER BY key))`,
  jsonArrayOfRows: (items) => sql`json_group_array(json_array(${join(items, ", ")}))`,
  embeddedJson: (column) => sql`json(${column})`,
  isoText: (column) => column,
  position: (text, needle) => sql`instr(${text}, ${needle})`,
  startsWith: (text, prefix) => sql`substr(${text}, 1, length(${prefix})) = ${prefix}`,
  hasCharOutside: (text, charClass) => sql`${text} GLOB ${raw(`'*[^${literal(charClass)}]*'`)}`,
  insertIgnoring: { head: sql`INSERT OR IGNORE INTO`, tail: empty },
  dropTrigger: (name) => raw(`DROP TRIGGER "${fieldName(name)}"`),
};
