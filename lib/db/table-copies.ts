import { ident } from "./names";
import { raw, sql, type Provider, type Tx } from "./sql";

/**
 * Tables made, renamed and dropped at run time: the generations of the session read models
 * (lib/sessions/generations/). A copy has the source's columns, keys and indexes, and index names
 * of its own (`<copy>_<what the index covers>`), so no name collides however often tables are
 * copied and renamed.
 */
export async function createTableLike(tx: Tx, provider: Provider, source: string, copy: string, base: string): Promise<void> {
  if (provider === "postgresql") {
    // PostgreSQL names the copy's indexes and keys after the copy.
    await tx.$executeRaw(sql`CREATE TABLE ${ident(copy)} (LIKE ${ident(source)} INCLUDING ALL)`);
    return;
  }
  const rows = await tx.$queryRaw<{ type: string; name: string; sql: string }[]>(
    sql`SELECT "type", "name", "sql" FROM "sqlite_master" WHERE "tbl_name" = ${source} AND "sql" IS NOT NULL ORDER BY "type" DESC`,
  );
  const table = rows.find((r) => r.type === "table");
  if (!table) throw new Error(`no table ${source} to copy`);
  for (const row of rows) {
    const text = row.type === "table" ? copiedTableSql(row.sql, copy) : row.type === "index" ? copiedIndexSql(row.sql, row.name, copy, base) : null;
    if (text) await tx.$executeRaw(raw(text));
  }
}

/** SQLite keeps each table's CREATE statement (renames and added columns rewrite it): the copy's is it with the copy's name. */
export function copiedTableSql(statement: string, copy: string): string {
  const head = /^CREATE TABLE\s+("[^"]+"|\w+)\s*\(/i;
  if (!head.test(statement)) throw new Error("an unexpected CREATE TABLE statement");
  return statement.replace(head, `CREATE TABLE "${copy}" (`);
}

/** An index's CREATE statement for the copy, named `<copy>_<the source name without its table prefix>`. */
export function copiedIndexSql(statement: string, name: string, copy: string, base: string): string {
  const head = /^CREATE (UNIQUE )?INDEX\s+("[^"]+"|\w+)\s+ON\s+("[^"]+"|\w+)\s*\(/i;
  const match = head.exec(statement);
  if (!match) throw new Error("an unexpected CREATE INDEX statement");
  const covers = name.replace(new RegExp(`^${base}(__g\\d+)?_`), "");
  return statement.replace(head, `CREATE ${match[1] ?? ""}INDEX "${copy}_${covers}" ON "${copy}" (`);
}

export async function renameTable(tx: Tx, from: string, to: string): Promise<void> {
  await tx.$executeRaw(sql`ALTER TABLE ${ident(from)} RENAME TO ${ident(to)}`);
}

export async function dropTable(tx: Tx, name: string): Promise<void> {
  await tx.$executeRaw(sql`DROP TABLE IF EXISTS ${ident(name)}`);
}
