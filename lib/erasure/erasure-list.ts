import type { Store } from "../db/prisma";
import { ERASURE_SOURCE, ERASURE_TYPE, parseErasureRecord } from "./erasure-record";

/** An erasure as the admin page lists it: from its record in the chain, never a value of the customer. */
export interface ErasureSummary {
  record: number;
  at: Date;
  by: string;
  reference: string;
  events: number;
  archived: number;
  reason: string;
  /** false when the erasure stopped after its record (its access-log entry, written last, is missing): erase again */
  finished: boolean;
}

/** The newest erasures first, read from their records (the chain is where they are kept). */
export async function listErasures(store: Store, limit = 100): Promise<ErasureSummary[]> {
  const rows = await store.db.storedEvent.findMany({
    where: { source: ERASURE_SOURCE, type: ERASURE_TYPE },
    orderBy: { position: "desc" },
    take: limit,
    select: { position: true, recordedAt: true, dataJson: true },
  });
  // Each finished erasure's access-log entry names its record's position (lib/erasure/erase-customer.ts).
  const done = await store.db.storedEvent.findMany({ where: { type: "rewind.audit.customer.erased" }, select: { dataJson: true } });
  const finished = new Set(
    done
      .map((d) => /record at position (\d+)/.exec(JSON.stringify(d.dataJson))?.[1])
      .filter(Boolean)
      .map(Number),
  );
  return rows.flatMap((row) => {
    const record = parseErasureRecord(row.dataJson);
    if (!record) return [];
    return [
      {
        record: Number(row.position),
        at: row.recordedAt,
        by: record.erasedBy.label,
        reference: record.customer,
        events: record.events.length,
        archived: record.archived.length,
        reason: record.reason,
        finished: finished.has(Number(row.position)),
      },
    ];
  });
}
