import type { Dialect } from "./dialect-types";
import { empty, join, raw, sql } from "./sql";
import { fieldName, jsonPathStep, literal, tableAlias } from "./names";

function encodeDate(date: Date | number): string {
  return (typeof date === "number" ? new Date(date) : date).toISOString().replace("Z", "+00:00");
}

/** `$."a"."b"[0]`, bound as a parameter. */
const pathText = (steps: readonly (string | number)[]) => `$${steps.map((s) => (typeof jsonPathStep(s) === "number" ? `[${s}]` : `."${s}"`)).join("")}`;

// GLOB's own specials besides `*` (`?`, `[`) match themselves inside a class; `]` alone is literal.
const sqliteGlob = (pattern: string) => pattern.replace(/[?[]/g, (c) => `[${c}]`);

const path = (field: string) => raw(`'$.${fieldName(field)}'`);

export const sqliteDialect: Dialect = {
  provider: "sqlite",
  eventKeys: raw(`"events"`),
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
  jsonTypeAt: (object, steps) =>
    sql`(CASE json_type(${object}, ${pathText(steps)}) WHEN 'text' THEN 'string' WHEN 'integer' THEN 'number' WHEN 'real' THEN 'number'
      WHEN 'true' THEN 'boolean' WHEN 'false' THEN 'boolean' ELSE json_type(${object}, ${pathText(steps)}) END)`,
  jsonValueAt: (object, steps) =>
    sql`(CASE json_type(${object}, ${pathText(steps)}) WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE json_extract(${object}, ${pathText(steps)}) END)`,
  jsonIsNumberAt: (object, steps) => sql`json_type(${object}, ${pathText(steps)}) IN ('integer', 'real')`,
  jsonNumberAt: (object, steps) =>
    sql`(CASE WHEN json_type(${object}, ${pathText(steps)}) IN ('integer', 'real') THEN json_extract(${object}, ${pathText(steps)}) END)`,
  globMatches: (text, pattern) => sql`${text} GLOB ${sqliteGlob(pattern)}`,
  insertIgnoring: { head: sql`INSERT OR IGNORE INTO`, tail: empty },
  dropTrigger: (name) => raw(`DROP TRIGGER "${fieldName(name)}"`),
};
