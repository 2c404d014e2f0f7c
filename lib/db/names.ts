import { raw, type Sql } from "./sql";

/** Names written into SQL text (fields of JSON, table aliases): fixed in code, checked anyway. */
export function fieldName(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain name: ${name}`);
  return name;
}

export const tableAlias = (alias: string): Sql => raw(fieldName(alias));

/** Text written into a quoted SQL literal (a separator, a character class): fixed in code. */
export function literal(text: string): string {
  if (text.includes("'")) throw new Error("a quote in a fixed SQL literal");
  return text;
}

/** A table or column name written in code, quoted. */
export const ident = (name: string): Sql => raw(`"${fieldName(name)}"`);

/** A key of a JSON path (lib/db/dialect-types.ts JsonPath): a plain name, `-` allowed; an index is a whole number. */
export function jsonPathStep(step: string | number): string | number {
  if (typeof step === "number" ? !Number.isSafeInteger(step) || step < 0 : !/^[A-Za-z_][A-Za-z0-9_-]*$/.test(step)) {
    throw new Error(`not a plain JSON path step: ${step}`);
  }
  return step;
}
