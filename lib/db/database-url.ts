import { isAbsolute, resolve } from "node:path";

export type DatabaseTarget = { provider: "sqlite"; url: string; filePath: string } | { provider: "postgresql"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/rewind.db";

/**
 * Which store a DATABASE_URL names. `file:` URLs are the embedded SQLite default; their path is
 * resolved against the working directory so the CLI and the server open the same file.
 */
export function parseDatabaseUrl(raw: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    return { provider: "postgresql", url };
  }
  if (url.startsWith("file:")) {
    const path = url.slice("file:".length).replace(/^\/\/(?=\/)/, "");
    if (path === "") throw new Error("DATABASE_URL=file: needs a path, e.g. file:./data/rewind.db");
    const filePath = isAbsolute(path) ? path : resolve(cwd, path);
    return { provider: "sqlite", url: `file:${filePath}`, filePath };
  }
  throw new Error("DATABASE_URL must be a file: URL (SQLite, e.g. file:./data/rewind.db) or a postgres:// / postgresql:// URL");
}

/** Where a store lives, for messages: the SQLite file, or "PostgreSQL". */
export const describeTarget = (target: DatabaseTarget): string => (target.provider === "sqlite" ? target.filePath : "PostgreSQL");

/** The SQLite file of a store; null for PostgreSQL. */
export const sqliteFileOf = (target: DatabaseTarget): string | null => (target.provider === "sqlite" ? target.filePath : null);
