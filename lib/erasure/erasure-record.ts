import { z } from "zod";
import { viewerLabel, type Viewer } from "../access/viewer";
import { rewindEvent } from "../audit/audit-event";
import type { IncomingEvent } from "../ingest/cloud-event";

/**
 * The erasure record: an event in the chain, appended before the erased events are rewritten, that
 * names who erased, when, why, under which reference, and for each changed event its content hash
 * before and after. `integrity verify` takes an event whose content changed as erased only when a
 * record after it vouches for exactly that change (docs/erasure.md). No personal value is in it.
 */
export const ERASURE_SOURCE = "rewind/erasure";
export const ERASURE_TYPE = "rewind.erasure.recorded";

const changeSchema = z.object({
  position: z.number().int().positive(),
  before: z.string(),
  after: z.string(),
  /** the chain link before the event (the previous event's or tombstone's): what its own link followed */
  previous: z.string().nullable(),
  /**
   * its link recomputed from `previous` over what it holds now (the appended content hash, its
   * stream, version, times and extensions as erased): verify recomputes it, so nothing else of the
   * event can change unseen; null for an event appended before the chain began
   */
  link: z.string().nullable(),
});

export const erasureRecordSchema = z.object({
  erasedBy: z.object({ id: z.string(), kind: z.string(), label: z.string() }),
  reason: z.string(),
  /** the customer's reference, which is all that names them now */
  customer: z.string(),
  events: z.array(changeSchema),
  /** events a retention purge had archived, changed in their archive files */
  archived: z.array(changeSchema.extend({ archive: z.string() })),
});
export type ErasureRecord = z.infer<typeof erasureRecordSchema>;
export type ErasureChange = z.infer<typeof changeSchema>;

export function toErasureEvent(viewer: Viewer, record: Omit<ErasureRecord, "erasedBy">, now: Date): IncomingEvent {
  const data: ErasureRecord = { erasedBy: { id: viewer.id, kind: viewer.kind, label: viewerLabel(viewer) }, ...record };
  return rewindEvent({ source: ERASURE_SOURCE, type: ERASURE_TYPE, subject: ERASURE_SOURCE, time: now, data, userid: null });
}

/** A stored record's data, or null for one that does not parse (verify then vouches for nothing by it). */
export function parseErasureRecord(data: unknown): ErasureRecord | null {
  const parsed = erasureRecordSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}
