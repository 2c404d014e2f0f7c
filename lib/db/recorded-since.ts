import { join, sql, type Sql } from "./sql";
import { ident } from "./names";
import { readPartitionBounds } from "./event-partitions";
import type { Store } from "./prisma";

/**
 * A lower bound on recorded_at for a read of the events filtered by event time (occurred_at in
 * [from, to)): the start of the oldest monthly partition that holds such an event, or null where
 * there are no partitions (SQLite). The partitions are by recorded_at (docs/decisions-partitioning.md),
 * so a read ordered by position cannot skip a month by its event times: each older partition's
 * position index was read to its end to find nothing (npm run bench -- scale). With the bound the
 * planner leaves them out. One probe per partition, on its occurred_at index. There is no upper
 * bound: a month made after the probe (this month's first append) is still read.
 */
export async function recordedSince(store: Store, from?: Date, to?: Date): Promise<Date | null> {
  if (store.target.provider !== "postgresql" || (!from && !to)) return null;
  const partitions = await readPartitionBounds(store);
  // A partition whose bounds this code cannot read: no bound, the read as it was.
  if (partitions.length === 0 || partitions.some((p) => !p.from || !p.to)) return null;
  const months = partitions as { name: string; from: Date; to: Date }[];
  const within: Sql[] = [];
  if (from) within.push(sql`"occurred_at" >= ${from.toISOString()}::timestamp(3)`);
  if (to) within.push(sql`"occurred_at" < ${to.toISOString()}::timestamp(3)`);
  const probes = months.map((p, i) => sql`SELECT ${i}::int AS "i" WHERE EXISTS (SELECT 1 FROM ${ident(p.name)} WHERE ${join(within, " AND ")})`);
  const [first] = await store.db.$queryRaw<{ i: number | null }[]>(sql`SELECT min(h."i") AS "i" FROM (${join(probes, " UNION ALL ")}) h`);
  // None holds one: nothing matches in the months there are, so only a month made later is read.
  return first?.i === null || first?.i === undefined ? months[months.length - 1]!.to : months[first.i]!.from;
}
