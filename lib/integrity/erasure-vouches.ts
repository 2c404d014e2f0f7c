import type { Store } from "../db/prisma";
import { ERASURE_SOURCE, ERASURE_TYPE, parseErasureRecord, type ErasureChange } from "../erasure/erasure-record";
import { contentMatches, type StoredContent } from "./chain";

/** One erasure's word for one event: by the record at `record`, its content went from `before` to `after`. */
export interface Vouch extends Omit<ErasureChange, "previous"> {
  record: number;
  /** the link the event's own link followed (events only; an archived line has its tombstone's) */
  previous: string | null;
}

/** Each event's vouches, in the order the erasures happened (an event can be erased twice). */
export type Vouches = ReadonlyMap<number, readonly Vouch[]>;

/**
 * Every erasure record in the store, read before a verification starts (a record comes after the
 * events it vouches for). Records are few: one per erased customer. A record is itself an event
 * in the chain, so one forged or edited is named where it stands.
 */
export async function readErasureVouches(store: Store, field: "events" | "archived" = "events"): Promise<Vouches> {
  const rows = await store.db.storedEvent.findMany({
    where: { source: ERASURE_SOURCE, type: ERASURE_TYPE },
    orderBy: { position: "asc" },
    select: { position: true, dataJson: true },
  });
  const out = new Map<number, Vouch[]>();
  for (const row of rows) {
    const record = parseErasureRecord(row.dataJson);
    for (const change of record?.[field] ?? []) {
      // A record vouches only for what came before it.
      if (change.position >= Number(row.position)) continue;
      const vouch = { ...change, previous: "previous" in change ? change.previous : null, record: Number(row.position) };
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
