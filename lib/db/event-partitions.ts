import { hasSqlState } from "./unique-violation";
import type { Store } from "./prisma";
import { ident } from "./names";
import { sql } from "./sql";

/**
 * The events' monthly partitions on PostgreSQL (migration 0040, docs/decisions-partitioning.md):
 * one per month of recorded_at, named events_YYYY_MM. SQLite keeps one table and has none.
 */

export interface EventPartition {
  name: string;
  /** the month it holds, YYYY-MM */
  month: string;
  /** its bounds: recorded_at from `from` (inclusive) to `to` (exclusive), UTC */
  from: Date;
  to: Date;
  events: number;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first instant of a YYYY-MM month, UTC; throws on anything else. */
export function monthStart(month: string): Date {
  const m = MONTH.exec(month);
  if (!m) throw new Error(`"${month}" is not a month: write it YYYY-MM`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
}

const monthOf = (date: Date) => date.toISOString().slice(0, 7);

/** What PostgreSQL says when a row's recorded_at has no partition: the append makes it and tries again. */
export function isMissingPartition(error: unknown): boolean {
  for (let e = error as { message?: unknown; cause?: unknown } | null | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.message === "string" && e.message.includes('no partition of relation "events" found for row')) return true;
  }
  // 23514 with the events table named: the same failure whatever language the server speaks.
  return hasSqlState(error, "23514") && /"events"/.test(String((error as { message?: unknown } | null)?.message ?? ""));
}

/** Makes the partition for `at`'s month when there is none (idempotent, one maker at a time); answers its name. */
export async function makeEventPartition(store: Store, at: Date): Promise<string | null> {
  if (store.target.provider !== "postgresql") return null;
  const [row] = await store.db.$queryRaw<{ name: string }[]>(sql`SELECT "events_partition_for"(${at.toISOString()}::timestamp(3)) AS "name"`);
  return row?.name ?? null;
}

/** Per store, the months this process has seen a partition for: asked once a month, not once an append. */
const known = new WeakMap<Store, Set<string>>();

/**
 * Runs an append with a partition for its month. The first append of a month in this process
 * makes sure of it first, in a short transaction of its own: outside the append, so the append
 * lock is never held while the making waits (it waits for no read nor append, but for a VACUUM or
 * ANALYZE of the events, or another making: SHARE UPDATE EXCLUSIVE, migration 0040). Should the
 * partition still be missing (detached since this process looked), the append, which wrote
 * nothing, is made again once after making it; a sequence value is then lost, as with any rollback.
 */
export async function withEventPartition<T>(store: Store, recordedAt: Date, append: () => Promise<T>): Promise<T> {
  if (store.target.provider !== "postgresql") return append();
  const months = known.get(store) ?? new Set<string>();
  known.set(store, months);
  const month = monthOf(recordedAt);
  if (!months.has(month)) {
    await makeEventPartition(store, recordedAt);
    months.add(month);
  }
  try {
    return await append();
  } catch (error) {
    if (!isMissingPartition(error)) throw error;
    await makeEventPartition(store, recordedAt);
    return append();
  }
}

/** Forgets what this process knew of a store's partitions (after a detach). */
export const forgetEventPartitions = (store: Store) => known.delete(store);

export interface PartitionBounds {
  name: string;
  /** its recorded_at range, or null where its bound is not a FROM … TO of two timestamps */
  from: Date | null;
  to: Date | null;
  bound: string;
}

/** Every partition of the events with its bounds, oldest first (none on SQLite). */
export async function readPartitionBounds(store: Store): Promise<PartitionBounds[]> {
  if (store.target.provider !== "postgresql") return [];
  const rows = await store.db.$queryRaw<{ name: string; bound: string }[]>(sql`
    SELECT c.relname AS "name", pg_get_expr(c.relpartbound, c.oid) AS "bound"
    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = to_regclass('"events"') ORDER BY c.relname`);
  const bounds = rows.map(({ name, bound }) => {
    const [from, to] = [...bound.matchAll(/'([^']+)'/g)].map((m) => new Date(`${m[1]!.replace(" ", "T")}Z`));
    const readable = from && to && !Number.isNaN(from.getTime()) && !Number.isNaN(to.getTime());
    return { name, bound, from: readable ? from : null, to: readable ? to : null };
  });
  return bounds.sort((a, b) => (a.from?.getTime() ?? 0) - (b.from?.getTime() ?? 0));
}

/** Every partition of the events, oldest first, with how many events each holds (exactly). */
export async function listEventPartitions(store: Store): Promise<EventPartition[]> {
  const out: EventPartition[] = [];
  for (const { name, bound, from, to } of await readPartitionBounds(store)) {
    if (!from || !to) throw new Error(`partition ${name} has bounds this code does not read: ${bound}`);
    const [count] = await store.db.$queryRaw<{ n: bigint | number }[]>(sql`SELECT count(*) AS "n" FROM ${ident(name)}`);
    out.push({ name, month: monthOf(from), from, to, events: Number(count?.n ?? 0) });
  }
  return out.sort((a, b) => a.from.getTime() - b.from.getTime());
}

export interface DetachResult {
  /** partitions detached from the events and dropped */
  detached: string[];
  /** partitions before the month that still hold events: retention has not removed them (yet) */
  kept: { name: string; events: number }[];
}

/**
 * Detaches, and drops, the partitions entirely before `before` (YYYY-MM) that retention has
 * emptied: a purge archives each due event and leaves its tombstone (lib/retention/purge.ts), so an
 * empty partition holds nothing the store still keeps. A partition that still holds events is kept
 * and named with its count, whatever its age: the events in it are kept by the policy, or due and
 * not yet purged (`rewind retention run` first). The month being written to, and later ones, are
 * refused. The detach takes the events table's exclusive lock (as DETACH does anyway) and looks
 * again under it, so no event arrives between the look and the detach; it waits for running reads.
 */
export async function detachEventPartitions(store: Store, before: string, now = new Date()): Promise<DetachResult> {
  const cutoff = monthStart(before);
  const current = monthStart(monthOf(now));
  if (cutoff > current) throw new Error(`--before ${before} is after this month (${monthOf(now)}): the month being written to is never detached`);
  const result: DetachResult = { detached: [], kept: [] };
  forgetEventPartitions(store);
  for (const p of await listEventPartitions(store)) {
    if (p.to > cutoff) continue;
    if (p.events > 0) {
      result.kept.push({ name: p.name, events: p.events });
      continue;
    }
    const empty = await store.db.$transaction(async (tx) => {
      // Waited for at most 2 s: a lock queued behind a long read would hold every append and read behind it.
      await tx.$executeRaw(sql`SET LOCAL lock_timeout = '2s'`);
      await tx.$executeRaw(sql`LOCK TABLE "events" IN ACCESS EXCLUSIVE MODE`).catch((error: unknown) => {
        if (!hasSqlState(error, "55P03")) throw error;
        throw new Error(`${p.name}: the events table stayed busy for 2 s (a long read or an append under way); nothing more was detached, run it again`);
      });
      const [row] = await tx.$queryRaw<{ any: boolean }[]>(sql`SELECT EXISTS (SELECT 1 FROM ${ident(p.name)}) AS "any"`);
      if (row?.any) return false;
      await tx.$executeRaw(sql`ALTER TABLE "events" DETACH PARTITION ${ident(p.name)}`);
      await tx.$executeRaw(sql`DROP TABLE ${ident(p.name)}`);
      return true;
    });
    if (empty) result.detached.push(p.name);
    else result.kept.push({ name: p.name, events: (await listEventPartitions(store)).find((q) => q.name === p.name)?.events ?? 0 });
  }
  return result;
}
