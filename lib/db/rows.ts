import { inList, dialectOf } from "./dialect";
import { jsonRowsInsert, type Columns } from "./json-rows";
import { ident } from "./names";
import { sql, type Provider, type Sql, type Tx } from "./sql";

/** Rows per statement of the bulk writes below (each is one JSON parameter). */
const CHUNK = 5_000;

/** Rows of `select` whose `column` is among the values (none for no values). */
export async function selectIn<T>(tx: Tx, provider: Provider, select: Sql, column: string, values: readonly string[]): Promise<T[]> {
  if (values.length === 0) return [];
  return tx.$queryRaw<T[]>(sql`${select} WHERE ${inList(dialectOf(provider), ident(column), values)}`);
}

/** Inserts rows in chunks, each chunk one statement. */
export async function insertRows(tx: Tx, provider: Provider, table: string, columns: Columns, rows: readonly (readonly unknown[])[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await tx.$executeRaw(jsonRowsInsert(dialectOf(provider), table, columns, rows.slice(i, i + CHUNK)));
  }
}

/** Deletes the rows whose `column` is among the values. */
export async function deleteIn(tx: Tx, provider: Provider, table: string, column: string, values: readonly string[]): Promise<void> {
  await tx.$executeRaw(sql`DELETE FROM ${ident(table)} WHERE ${inList(dialectOf(provider), ident(column), values)}`);
}
