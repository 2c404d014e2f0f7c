import { Prisma } from "../generated/sqlite/client";
import type { DatabaseTarget } from "./database-url";
import type { Db } from "./prisma";

/**
 * Raw SQL as Prisma's tagged templates: every `${value}` is a bound parameter, and the client
 * numbers the placeholders for its provider (`?` on SQLite, `$n` on PostgreSQL). Both generated
 * clients share one runtime, so one client's `Prisma.sql` serves both.
 */
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export const empty = Prisma.empty;
export type Sql = Prisma.Sql;

export type Provider = DatabaseTarget["provider"];

/** A transaction client (or the client): what every read-model function runs on. */
export type Tx = Pick<Db, "$queryRaw" | "$executeRaw">;

/** A timestamp as a raw query returns it (a Date, ISO text or epoch milliseconds) in milliseconds. */
export const toMs = (value: unknown): number => (value instanceof Date ? value.getTime() : typeof value === "string" ? Date.parse(value) : Number(value));

/** A JSON column as a raw query returns it: text on SQLite, already parsed on PostgreSQL. */
export function decodeJson<T = unknown>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
