import type { Store } from "../db/prisma";
import { ERASURE_SOURCE, ERASURE_TYPE, parseErasureRecord, type ErasureChange } from "../erasure/erasure-record";
import { chainLink, contentMatches, type StoredContent } from "./chain";
import { linkBefore } from "./link-before";

/** One erasure's word for one event: by the record at `record`, its content went from `before` to `after`. */
export interface Vouch extends ErasureChange {
  record: number;
}

/** Each event's vouches, in the order the erasures happened (an event can be erased twice). */
export type Vouches = ReadonlyMap<number, readonly Vouch[]>;

/**
 * Every erasure record in the store, read before a verification starts (a record comes after the
 * events it vouches for). Records are few: one per erased customer. A record counts only if it
 * holds what it was appended with and its own link follows the one before it: an edited or
 * inserted record vouches for nothing (and is named where it stands as any changed event is).
 */
export async function readErasureVouches(store: Store, field: "events" | "archived" = "events"): Promise<Vouches> {
  const rows = await store.db.storedEvent.findMany({ where: { source: ERASURE_SOURCE, type: ERASURE_TYPE }, orderBy: { position: "asc" } });
  const out = new Map<number, Vouch[]>();
  for (const row of rows) {
    if (!contentMatches(row, row.contentHash) || row.chainHash === null) continue;
    if (chainLink(await linkBefore(store, row.position), row) !== row.chainHash) continue;
    const record = parseErasureRecord(row.dataJson);
    for (const change of record?.[field] ?? []) {
      // A record vouches only for what came before it.
      if (change.position >= Number(row.position)) continue;
      const vouch = { ...change, record: Number(row.position) };
      out.set(change.position, [...(out.get(change.position) ?? []), vouch]);
    }
  }
  return out;
}

/**
 * The record that vouches for an event's content as it is now, following its erasures from the
 * hash it was appended with; null when none does (then its content was changed some other way).
 */
export function vouchingRecord(vouches: Vouches, position: number, appendedHash: string, row: StoredContent): Vouch | null {
  let hash = appendedHash;
  let last: Vouch | null = null;
  for (const vouch of vouches.get(position) ?? []) {
    if (vouch.before !== hash) continue;
    hash = vouch.after;
    last = vouch;
  }
  return last !== null && contentMatches(row, hash) ? last : null;
}
