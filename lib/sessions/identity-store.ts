import { dialectOf } from "../db/dialect";
import { insertRows, selectIn } from "../db/rows";
import { sql, type Provider, type Tx } from "../db/sql";

/** Visitors' links to users (anonymous id → user id), for these visitors. */
export async function loadLinks(tx: Tx, provider: Provider, anonymousIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ anonymous_id: string; user_id: string }>(
    tx,
    provider,
    sql`SELECT "anonymous_id", "user_id" FROM "identity_links"`,
    "anonymous_id",
    anonymousIds,
  );
  return new Map(rows.map((r) => [r.anonymous_id, r.user_id]));
}

/** Flows' owners (correlation id → person), for these flows. */
export async function loadOwners(tx: Tx, provider: Provider, correlationIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ correlation_id: string; person: string }>(
    tx,
    provider,
    sql`SELECT "correlation_id", "person" FROM "correlation_owners"`,
    "correlation_id",
    correlationIds,
  );
  return new Map(rows.map((r) => [r.correlation_id, r.person]));
}

export async function saveLinks(tx: Tx, provider: Provider, links: readonly [string, string][]): Promise<void> {
  await insertRows(
    tx,
    provider,
    "identity_links",
    [
      ["anonymous_id", "text"],
      ["user_id", "text"],
    ],
    links,
  );
}

export async function saveOwners(tx: Tx, provider: Provider, owners: readonly [string, string][]): Promise<void> {
  await insertRows(
    tx,
    provider,
    "correlation_owners",
    [
      ["correlation_id", "text"],
      ["person", "text"],
    ],
    owners,
  );
}

/** Visitors just linked to users: their events and flows are the users' from now on. */
export async function movePersons(tx: Tx, provider: Provider, moves: readonly [from: string, to: string][]): Promise<void> {
  if (moves.length === 0) return;
  const d = dialectOf(provider);
  await tx.$executeRaw(sql`UPDATE "correlation_owners" SET "person" = m."value" ->> 1 FROM ${d.jsonElements(d.json(moves), "m")}
    WHERE "correlation_owners"."person" = m."value" ->> 0`);
}
