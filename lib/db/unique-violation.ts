/**
 * A unique-key violation: Prisma's P2002, or the driver's own code when an adapter passes it through
 * (a raw query's P2010 carries it in meta.driverAdapterError.cause). On PostgreSQL the events' keys
 * are unique in event_keys (migration 0040), under the constraint names the events table had.
 */
export function isUniqueViolation(error: unknown): boolean {
  return driverCodes(error).some((c) => c === "P2002" || c === "23505" || c === "SQLITE_CONSTRAINT_PRIMARYKEY" || c === "SQLITE_CONSTRAINT_UNIQUE");
}

/** PostgreSQL's SQLSTATE of a failed query, wherever Prisma or its adapter put it (any locale's message). */
export function hasSqlState(error: unknown, state: string): boolean {
  return driverCodes(error).includes(state);
}

function driverCodes(error: unknown): unknown[] {
  const e = error as {
    code?: unknown;
    cause?: { code?: unknown; originalCode?: unknown };
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown; kind?: unknown } } };
  } | null;
  const adapter = e?.meta?.driverAdapterError?.cause;
  return [e?.code, e?.cause?.code, e?.cause?.originalCode, adapter?.originalCode];
}
