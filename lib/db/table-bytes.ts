import type { Store } from "./prisma";
import { sql } from "./sql";

/**
 * The bytes a table and its indexes take on disk. PostgreSQL: pg_total_relation_size (TOAST and
 * indexes included). SQLite: the dbstat virtual table (SQLITE_ENABLE_DBSTAT_VTAB, which the
 * better-sqlite3 build here has), the pages of the table's b-tree and of each of its indexes.
 * Null when the table is missing; throws when the store cannot tell (an SQLite without dbstat).
 */
export async function tableBytes(store: Store, table: string): Promise<number | null> {
  if (store.target.provider === "postgresql") {
    const rows = await store.db.$queryRaw<{ bytes: bigint | number | null }[]>(
      sql`SELECT pg_total_relation_size(to_regclass(quote_ident(${table}))) AS "bytes"`,
    );
    return rows[0]?.bytes == null ? null : Number(rows[0].bytes);
  }
  const objects = await store.db.$queryRaw<{ name: string }[]>(sql`SELECT "name" FROM "sqlite_master" WHERE "tbl_name" = ${table}`);
  if (objects.length === 0) return null;
  let bytes = 0;
  for (const { name } of objects) {
    // aggregate = TRUE: one row per b-tree, its pages summed by SQLite (it reads that b-tree's pages).
    const rows = await store.db.$queryRaw<{ bytes: bigint | number | null }[]>(
      sql`SELECT "pgsize" AS "bytes" FROM "dbstat" WHERE "name" = ${name} AND "aggregate" = TRUE`,
    );
    bytes += Number(rows[0]?.bytes ?? 0);
  }
  return bytes;
}
