import "server-only";
import { getStore } from "../db/prisma";
import { readFeedBackward } from "../eventstore/read";
import { maskedPaths } from "../privacy/masked-paths";
import { getMasker } from "./privacy";

export interface PolicyPreviewRow {
  position: number;
  type: string;
  /** the event's data as it leaves the server: masked (never the raw value) */
  masked: unknown;
  /** where masking changed a value */
  paths: string[];
}

/** How far back the sample looks: one page of the store's newest events. */
const SAMPLE_EVENTS = 500;

/**
 * What the policy in force masks, on real events: the newest event of each of up to `types` event
 * types among the store's newest events (Rewind's own audit events left out), those where it masks
 * something first. Only the masked data leaves; the raw data is read here to find the paths.
 */
export async function previewPolicy(types = 8): Promise<PolicyPreviewRow[]> {
  const [events, masker] = await Promise.all([readFeedBackward(getStore(), { limit: SAMPLE_EVENTS }), getMasker()]);
  const seen = new Set<string>();
  const rows: PolicyPreviewRow[] = [];
  for (const e of events) {
    if (e.source.startsWith("rewind/") || e.dataJson === null || seen.has(e.type)) continue;
    seen.add(e.type);
    const masked = masker.eventData(e.type, e.dataJson);
    rows.push({ position: Number(e.position), type: masker.text(e.type), masked, paths: maskedPaths(e.dataJson, masked) });
  }
  return rows.sort((a, b) => b.paths.length - a.paths.length || b.position - a.position).slice(0, types);
}
