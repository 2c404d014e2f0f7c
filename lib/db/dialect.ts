import { postgresqlDialect } from "./dialect-postgresql";
import { sqliteDialect } from "./dialect-sqlite";
import type { Dialect } from "./dialect-types";
import type { Provider, Sql } from "./sql";

export type { ColumnType, Dialect, JsonPath } from "./dialect-types";

/**
 * The store's SQL is the same on SQLite and PostgreSQL except for what a Dialect writes; this is
 * the one place that picks by provider.
 */
const DIALECTS: Record<Provider, Dialect> = { sqlite: sqliteDialect, postgresql: postgresqlDialect };

export const dialectOf = (provider: Provider): Dialect => DIALECTS[provider];

/** `column IN (values)` over one JSON parameter, whatever the number of values. */
export const inList = (d: Dialect, column: Sql, values: readonly unknown[]): Sql => d.inJsonArray(column, d.json(values));
