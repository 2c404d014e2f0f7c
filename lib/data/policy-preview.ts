import "server-only";
import { getStore } from "../db/prisma";
import { readFeedBackward } from "../eventstore/read";
import { liveJourneyReads, livePersonalPaths } from "../journey-store/live-catalog";
import { createMasker, type Masker } from "../privacy/mask";
import { maskedPaths } from "../privacy/masked-paths";
import type { PersonalDataPolicy } from "../privacy/policy";
import { getMasker } from "./privacy";

export interface PolicyPreviewRow {
  position: number;
  type: string;
  /** the event's data as it leaves the server: masked (never the raw value) */
  masked: unknown;
  /** where masking changed a value */
  paths: string[];
  /** a draft's preview only: masked by the version in force but not by the draft (still shown masked) */
  unmaskedByDraft?: string[];
  /** a draft's preview only: the paths the draft masks that the version in force does not */
  newByDraft?: string[];
}

/** How far back the sample looks: one page of the store's newest events. */
const SAMPLE_EVENTS = 500;

/** A draft's masker, with the live journeys' personal paths as the one in force has (lib/data/privacy.ts). */
async function draftMasker(policy: PersonalDataPolicy): Promise<Masker> {
  const store = getStore();
  const [journeyPaths, journeyReads] = await Promise.all([livePersonalPaths(store), liveJourneyReads(store)]);
  // Patterns of a draft passed savablePolicySchema's backtracking check: none is unproven.
  return createMasker(policy, { journeyPaths, journeyReads });
}

/**
 * What the policy in force masks, or an unsaved draft would, on real events: the newest event of
 * each of up to `types` event types among the store's newest events (Rewind's own audit events
 * left out), those where it masks something first. Only masked data leaves; the raw data is read
 * here to find the paths. A draft's data is masked by the version in force as well, so a draft
 * that masks less never shows a value unmasked: it names those paths instead.
 */
export async function previewPolicy(types = 8, draft?: PersonalDataPolicy): Promise<PolicyPreviewRow[]> {
  const [events, inForce, withDraft] = await Promise.all([
    readFeedBackward(getStore(), { limit: SAMPLE_EVENTS }),
    getMasker(),
    draft ? draftMasker(draft) : null,
  ]);
  const seen = new Set<string>();
  const rows: PolicyPreviewRow[] = [];
  for (const e of events) {
    if (e.source.startsWith("rewind/") || e.dataJson === null || seen.has(e.type)) continue;
    seen.add(e.type);
    const now = inForce.eventData(e.type, e.dataJson);
    const row = { position: Number(e.position), type: inForce.text(e.type) };
    if (!withDraft) {
      rows.push({ ...row, masked: now, paths: maskedPaths(e.dataJson, now) });
      continue;
    }
    const byDraft = withDraft.eventData(e.type, e.dataJson);
    const paths = maskedPaths(e.dataJson, byDraft);
    const nowPaths = maskedPaths(e.dataJson, now);
    const unmaskedByDraft = nowPaths.filter((p) => !paths.includes(p));
    const newByDraft = paths.filter((p) => !nowPaths.includes(p));
    rows.push({ ...row, masked: inForce.eventData(e.type, byDraft), paths, unmaskedByDraft, newByDraft });
  }
  // A draft's events where it differs from the version in force come first: they are what the admin is changing.
  const differs = (r: PolicyPreviewRow) => (r.unmaskedByDraft?.length ?? 0) + (r.newByDraft?.length ?? 0);
  return rows.sort((a, b) => differs(b) - differs(a) || b.paths.length - a.paths.length || b.position - a.position).slice(0, types);
}
