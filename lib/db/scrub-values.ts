import type { Provider, Tx } from "./sql";
import { fieldName, ident } from "./names";
import { join, raw, sql, type Sql } from "./sql";

/**
 * Erasure's sweep of the read models: every table's text and JSON columns searched for values and
 * rewritten, whatever the table (each generation's copies, search terms, notes, alerts, what-if
 * results), so a table added later is swept too without anyone remembering to. Rows are found by
 * LIKE and rewritten in code, by their physical row id (rowid, ctid): no table needs a key for it.
 */

interface TableColumns {
  table: string;
  columns: { name: string; json: boolean }[];
}

async function textColumns(tx: Tx, provider: Provider): Promise<TableColumns[]> {
  if (provider === "postgresql") {
    const rows = await tx.$queryRaw<{ table_name: string; column_name: string; data_type: string }[]>(sql`
      SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        -- A partition's rows are its parent's (the events' months, migration 0040): swept, or not, as the parent.
        AND NOT EXISTS (SELECT 1 FROM pg_class p WHERE p.oid = to_regclass(quote_ident(c.table_name)) AND p.relispartition)
        AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')
      ORDER BY c.table_name, c.ordinal_position`);
    return group(rows.map((r) => ({ table: r.table_name, name: r.column_name, json: r.data_type.startsWith("json") })));
  }
  const tables = await tx.$queryRaw<{ name: string }[]>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
  const out: { table: string; name: string; json: boolean }[] = [];
  for (const { name: table } of tables) {
    const columns = await tx.$queryRaw<{ name: string; type: string }[]>(sql`SELECT name, type FROM pragma_table_info(${table})`);
    for (const c of columns) if (/^(TEXT|JSONB?|VARCHAR.*|)$/i.test(c.type)) out.push({ table, name: c.name, json: /^JSONB?$/i.test(c.type) });
  }
  return group(out);
}

function group(columns: { table: string; name: string; json: boolean }[]): TableColumns[] {
  const byTable = new Map<string, TableColumns>();
  for (const c of columns) {
    const entry = byTable.get(c.table) ?? { table: c.table, columns: [] };
    entry.columns.push({ name: c.name, json: c.json });
    byTable.set(c.table, entry);
  }
  return [...byTable.values()];
}

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function mentions(provider: Provider, column: string, values: readonly string[]): Sql {
  const col = provider === "postgresql" ? raw(`"${fieldName(column)}"::text`) : ident(column);
  const like = provider === "postgresql" ? raw("ILIKE") : raw("LIKE");
  return join(
    values.map((v) => sql`${col} ${like} ${likePattern(v)} ESCAPE '\\'`),
    " OR ",
  );
}

export interface ScrubResult {
  /** tables in which a row changed */
  tables: string[];
  rows: number;
}

/** How values are taken out of a text, and out of a parsed JSON value (its strings and keys only). */
export interface Rewriter {
  text(value: string): string;
  deep<T>(value: T): T;
}

/** Values per query: each is a bound parameter per column, and databases cap both. */
const VALUES_PER_QUERY = 100;

function rewriteColumn(before: string, json: boolean, rewriter: Rewriter): string {
  if (!json) return rewriter.text(before);
  let parsed: unknown;
  try {
    parsed = JSON.parse(before);
  } catch {
    return rewriter.text(before);
  }
  // Parsed, so only strings change: a number or a key's quotes are never taken for a value.
  const after = rewriter.deep(parsed);
  return JSON.stringify(after) === JSON.stringify(parsed) ? before : JSON.stringify(after);
}

/**
 * Rewrites, in every table but `except`, each text or JSON value that mentions one of `values`
 * (case aside) through `rewriter`: JSON columns parsed (their strings and keys rewritten), text
 * columns as text. With `mentioning`, only rows that also mention that string (a pseudonym: rows
 * that are the customer's) are touched.
 */
export async function scrubValues(
  tx: Tx,
  provider: Provider,
  values: readonly string[],
  rewriter: Rewriter,
  except: ReadonlySet<string>,
  options: { mentioning?: string } = {},
): Promise<ScrubResult> {
  const result: ScrubResult = { tables: [], rows: 0 };
  if (values.length === 0) return result;
  const rowId = provider === "postgresql" ? raw("ctid::text") : raw("rowid");
  for (const { table, columns } of await textColumns(tx, provider)) {
    if (except.has(table)) continue;
    // As text on both: the SQLite adapter would hand a JSONB-declared column back parsed.
    const selected = join(
      columns.map((c) => raw(`CAST("${fieldName(c.name)}" AS TEXT) AS "${fieldName(c.name)}"`)),
      ", ",
    );
    const anyOf = (list: readonly string[]) =>
      join(
        columns.map((c) => sql`(${mentions(provider, c.name, list)})`),
        " OR ",
      );
    const theirs = options.mentioning === undefined ? sql`1 = 1` : anyOf([options.mentioning]);
    let changed = 0;
    for (let i = 0; i < values.length; i += VALUES_PER_QUERY) {
      const chunk = values.slice(i, i + VALUES_PER_QUERY);
      const rows = await tx.$queryRaw<Record<string, unknown>[]>(
        sql`SELECT ${rowId} AS "row_id", ${selected} FROM ${ident(table)} WHERE (${anyOf(chunk)}) AND (${theirs})`,
      );
      for (const row of rows) {
        const sets: Sql[] = [];
        for (const c of columns) {
          const before = row[c.name];
          if (typeof before !== "string") continue;
          const after = rewriteColumn(before, c.json, rewriter);
          if (after === before) continue;
          const value = provider === "postgresql" && c.json ? sql`CAST(${after} AS jsonb)` : sql`${after}`;
          sets.push(sql`${ident(c.name)} = ${value}`);
        }
        if (sets.length === 0) continue;
        const at = provider === "postgresql" ? sql`ctid = CAST(${String(row.row_id)} AS tid)` : sql`rowid = ${Number(row.row_id)}`;
        await tx.$executeRaw(sql`UPDATE ${ident(table)} SET ${join(sets, ", ")} WHERE ${at}`);
        changed += 1;
      }
    }
    if (changed > 0) result.tables.push(table);
    result.rows += changed;
  }
  return result;
}

/** Before an erasure writes: on SQLite, pages it frees are zeroed from now on (secure_delete; one connection per store). */
export async function zeroFreedPages(db: Tx, provider: Provider): Promise<void> {
  if (provider === "sqlite") await db.$queryRaw(sql`PRAGMA secure_delete = ON`);
}

/**
 * Makes what an erasure overwrote unrecoverable from the database files: on SQLite, the file
 * rebuilt (VACUUM) and the WAL emptied into it and truncated; on PostgreSQL, the touched tables
 * vacuumed (docs/erasure.md says what that does and does not reach). Runs outside a transaction.
 * Answers false when SQLite could not empty the WAL (a reader held it): run it again then.
 */
export async function compactAfterErasure(db: Tx, provider: Provider, tables: readonly string[]): Promise<boolean> {
  if (provider === "postgresql") {
    // ANALYZE too: the planner's statistics sample column values, theirs among them. The events'
    // keys (migration 0040) were rewritten with them, by trigger: their old versions go too.
    const all = new Set(tables);
    if (all.has("events")) all.add("event_keys");
    for (const table of all) await db.$executeRaw(sql`VACUUM (ANALYZE) ${ident(table)}`);
    return true;
  }
  await db.$executeRaw(sql`VACUUM`);
  const [checkpoint] = await db.$queryRaw<{ busy: number | bigint }[]>(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
  return Number(checkpoint?.busy ?? 0) === 0;
}

const EVENT_TEXT = ["event_id", "stream", "subject", "userid", "sessionid", "correlationid", "causationid", "data_json", "data_text", "extensions"];

/** Positions of the events whose text mentions any of the values (case aside): candidates an erasure then reads whole. */
export async function eventsMentioning(tx: Tx, provider: Provider, values: readonly string[]): Promise<bigint[]> {
  const found = new Set<bigint>();
  for (let i = 0; i < values.length; i += VALUES_PER_QUERY) {
    const chunk = values.slice(i, i + VALUES_PER_QUERY);
    const where = join(
      EVENT_TEXT.map((c) => sql`(${mentions(provider, c, chunk)})`),
      " OR ",
    );
    for (const r of await tx.$queryRaw<{ position: bigint | number }[]>(sql`SELECT "position" FROM "events" WHERE ${where}`)) found.add(BigInt(r.position));
  }
  return [...found].sort((a, b) => (a < b ? -1 : 1));
}
