import { ident } from "../../db/names";
import { sql, type Provider, type Tx } from "../../db/sql";
import * as rm from "../projection-store";
import { generationTables, LIVE_TABLES } from "../read-model-tables";

interface Orphan {
  id: string;
  person: string;
  first_position: number | bigint;
}

/**
 * At the switch, before the renames: every live session whose id the new generation does not have
 * becomes an alias of the new session holding its first event, so links, resume links and
 * anything else naming it still resolve; aliases that pointed at it follow. An id that names a
 * session again stops being an alias; an alias whose session is gone from the new generation
 * (its events all set aside) is dropped.
 */
export async function carryAliases(tx: Tx, provider: Provider, nextId: number): Promise<number> {
  const tables = generationTables(nextId);
  const next = ident(tables.sessions);
  const live = { tx, provider, tables: LIVE_TABLES };
  const orphans = await tx.$queryRaw<Orphan[]>(
    sql`SELECT s."id", s."person", s."first_position" FROM "sessions" s WHERE NOT EXISTS (SELECT 1 FROM ${next} n WHERE n."id" = s."id")`,
  );
  await tx.$executeRaw(sql`DELETE FROM "session_aliases" WHERE "alias" IN (SELECT "id" FROM ${next})`);
  const incoming = { tx, provider, tables };
  const candidates = await rm.loadSessionsOfPersons(incoming, [...new Set(orphans.map((o) => o.person))]);
  const positions = await rm.loadSessionPositions(
    incoming,
    candidates.map((c) => c.id),
  );
  const aliases: { alias: string; target: string }[] = [];
  for (const o of orphans) {
    const first = Number(o.first_position);
    const home = candidates.find((c) => c.person === o.person && positions.get(c.id)?.includes(first));
    if (home) aliases.push({ alias: o.id, target: home.id });
  }
  await rm.saveAliases(live, aliases);
  await tx.$executeRaw(sql`DELETE FROM "session_aliases" WHERE "session_id" NOT IN (SELECT "id" FROM ${next})`);
  return aliases.length;
}
