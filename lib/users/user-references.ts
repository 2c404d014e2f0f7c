import { randomBytes } from "node:crypto";
import { dialectOf, inList } from "../db/dialect";
import { jsonRowsInsert, type Columns } from "../db/json-rows";
import { sql, type Provider, type Tx } from "../db/sql";
import { isReference } from "./reference-format";

/**
 * A customer's reference: how pages, links, answers (and later alerts, audit pseudonyms and
 * erasure) name a customer without their user id, which may itself be personal (an email).
 * `cus_` and 80 random bits in hex, given to a user id the first time the projector sees it and
 * kept in `user_references`: random, not a hash, so holding the id does not give the reference,
 * and a rebuild of the projections keeps it (the table is not a read model).
 */
export interface CustomerRef {
  userId: string;
  reference: string;
}

const COLUMNS: Columns = [
  ["user_id", "text"],
  ["reference", "text"],
  ["assigned_at", "timestamp"],
];

export const newReference = (): string => `cus_${randomBytes(10).toString("hex")}`;

export { isReference };

/** The references these user ids have (ids without one are absent). */
export async function referencesOf(tx: Tx, provider: Provider, userIds: readonly string[]): Promise<Map<string, string>> {
  if (userIds.length === 0) return new Map();
  const rows = await tx.$queryRaw<{ user_id: string; reference: string }[]>(
    sql`SELECT "user_id", "reference" FROM "user_references" WHERE ${inList(dialectOf(provider), sql`"user_id"`, [...new Set(userIds)])}`,
  );
  return new Map(rows.map((r) => [r.user_id, r.reference]));
}

/**
 * Gives each user id without a reference a new one, in the caller's transaction (the projector's
 * page), and answers every id's reference. An id that has one keeps it: the insert ignores a
 * conflict, and so does a reference drawn twice (2^-80), which the next round draws again.
 */
export async function assignReferences(tx: Tx, provider: Provider, userIds: readonly string[], now = new Date()): Promise<Map<string, string>> {
  const known = await referencesOf(tx, provider, userIds);
  for (let round = 0; round < 3; round++) {
    const missing = [...new Set(userIds)].filter((id) => !known.has(id));
    if (missing.length === 0) return known;
    const rows = missing.map((id) => [id, newReference(), now]);
    await tx.$executeRaw(jsonRowsInsert(dialectOf(provider), "user_references", COLUMNS, rows, { ignoreExisting: true }));
    for (const [id, reference] of await referencesOf(tx, provider, missing)) known.set(id, reference);
  }
  return known;
}

/** The customer named by a raw user id or by a reference; null for neither. */
export async function resolveCustomer(tx: Tx, provider: Provider, idOrReference: string): Promise<CustomerRef | null> {
  if (isReference(idOrReference)) {
    const [row] = await tx.$queryRaw<{ user_id: string }[]>(sql`SELECT "user_id" FROM "user_references" WHERE "reference" = ${idOrReference}`);
    if (row) return { userId: row.user_id, reference: idOrReference };
  }
  const reference = (await referencesOf(tx, provider, [idOrReference])).get(idOrReference);
  return reference ? { userId: idOrReference, reference } : null;
}
