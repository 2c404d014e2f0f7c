/** A unique-key violation (Prisma's P2002, or the driver's own code when an adapter passes it through). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; cause?: { code?: unknown; originalCode?: unknown } } | null;
  const codes = [e?.code, e?.cause?.code, e?.cause?.originalCode];
  return codes.some((c) => c === "P2002" || c === "23505" || c === "SQLITE_CONSTRAINT_PRIMARYKEY" || c === "SQLITE_CONSTRAINT_UNIQUE");
}
