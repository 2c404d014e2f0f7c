import type { Store } from "../db/prisma";
import type { StoredEvent } from "../generated/sqlite/client";
import type { Digest } from "./chain";

/**
 * What a retention purge left of an event (event_tombstones, migration 0027). Verify reads the
 * events and the tombstones merged in position order: a tombstone's own link cannot be recomputed
 * without its content (that is in the archive: lib/retention/verify-archive.ts), but the chain
 * continues from its recorded link, so the next event's link vouches for it. An event removed
 * without a tombstone still breaks the chain at the next one.
 */
export interface TombstoneRow {
  position: number;
  tombstone: true;
  chainHash: string | null;
}

export const isTombstone = <T extends object>(row: T | TombstoneRow): row is TombstoneRow => "tombstone" in row;

/** A tombstone folded into the verification: counted as purged, the chain carried on from its link. */
/** The part of a verification (lib/integrity/verify.ts) a tombstone changes. */
export interface ChainFold {
  purged: number;
  chainStarted: boolean;
  previous: string | null;
  digest: Digest | null;
  digestMatched: boolean;
}

export function foldTombstone(v: ChainFold, row: TombstoneRow): void {
  v.purged += 1;
  if (row.chainHash === null) return;
  v.chainStarted = true;
  v.previous = row.chainHash;
  // A digest kept before the purge may name the event purged here: its link is still on record.
  if (v.digest && row.position === v.digest.position && row.chainHash === v.digest.link) v.digestMatched = true;
}

/**
 * Events and tombstones after `after`, merged in position order, at most about `page` of each:
 * only up to the smaller of the two pages' last positions when a page came back full, so nothing
 * of the other table is skipped.
 */
export async function readMergedPage(store: Store, after: bigint, page: number): Promise<{ rows: (StoredEvent | TombstoneRow)[]; last: bigint | null }> {
  const [events, tombstones] = await Promise.all([
    store.db.storedEvent.findMany({ where: { position: { gt: after } }, orderBy: { position: "asc" }, take: page }),
    store.db.eventTombstone.findMany({
      where: { position: { gt: after } },
      orderBy: { position: "asc" },
      take: page,
      select: { position: true, chainHash: true },
    }),
  ]);
  if (events.length === 0 && tombstones.length === 0) return { rows: [], last: null };
  const limits = [events.length === page ? events.at(-1)!.position : null, tombstones.length === page ? tombstones.at(-1)!.position : null].filter(
    (p): p is bigint => p !== null,
  );
  let bound: bigint | null = null;
  for (const p of limits) if (bound === null || p < bound) bound = p;
  const within = (p: bigint) => bound === null || p <= bound;
  const rows: (StoredEvent | TombstoneRow)[] = [
    ...events.filter((e) => within(e.position)),
    ...tombstones.filter((t) => within(t.position)).map((t) => ({ position: Number(t.position), tombstone: true as const, chainHash: t.chainHash })),
  ];
  rows.sort((a, b) => Number(a.position) - Number(b.position));
  const last = rows.length > 0 ? BigInt(rows.at(-1)!.position) : null;
  return { rows, last };
}
