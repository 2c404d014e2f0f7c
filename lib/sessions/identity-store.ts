import { dialectOf } from "../db/dialect";
import { insertRows, selectIn } from "../db/rows";
import { ident } from "../db/names";
import { sql } from "../db/sql";
import type { ReadModelTx } from "./read-model-tables";

/** Visitors' links to users (anonymous id → user id), for these visitors. */
export async function loadLinks({ tx, provider, tables }: ReadModelTx, anonymousIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ anonymous_id: string; user_id: string }>(
    tx,
    provider,
    sql`SELECT "anonymous_id", "user_id" FROM ${ident(tables.identityLinks)}`,
    "anonymous_id",
    anonymousIds,
  );
  return new Map(rows.map((r) => [r.anonymous_id, r.user_id]));
}

/** Flows' owners (correlation id → person), for these flows. */
export async function loadOwners({ tx, provider, tables }: ReadModelTx, correlationIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await selectIn<{ correlation_id: string; person: string }>(
    tx,
    provider,
    sql`SELECT "correlation_id", "person" FROM ${ident(tables.correlationOwners)}`,
    "correlation_id",
    correlationIds,
  );
  return new Map(rows.map((r) => [r.correlation_id, r.person]));
}

export async function saveLinks({ tx, provider, tables }: ReadModelTx, links: readonly [string, string][]): Promise<void> {
  await insertRows(
    tx,
    provider,
    tables.identityLinks,
    [
      ["anonymous_id", "text"],
      ["user_id", "text"],
    ],
    links,
  );
}

export async function saveOwners({ tx, provider, tables }: ReadModelTx, owners: readonly [string, string][]): Promise<void> {
  await insertRows(
    tx,
    provider,
    tables.correlationOwners,
    [
      ["correlation_id", "text"],
      ["person", "text"],
    ],
    owners,
  );
}

/** Visitors just linked to users: their events and flows are the users' from now on. */
export async function movePersons({ tx, provider, tables }: ReadModelTx, moves: readonly [from: string, to: string][]): Promise<void> {
  if (moves.length === 0) return;
  const d = dialectOf(provider);
  const owners = ident(tables.correlationOwners);
  await tx.$executeRaw(sql`UPDATE ${owners} SET "person" = m."value" ->> 1 FROM ${d.jsonElements(d.json(moves), "m")}
    WHERE ${owners}."person" = m."value" ->> 0`);
}
