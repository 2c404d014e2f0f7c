import "server-only";
import { basename } from "node:path";
import { viewerLabel, type Viewer } from "../access/viewer";
import { getStore } from "../db/prisma";
import { previewRetention, type RulePreview } from "../retention/due-sql";
import type { RetentionPolicy } from "../retention/policy";
import { readRetentionPolicy, retentionHistory, saveRetentionPolicy, type RetentionPolicyVersion } from "../retention/policy-store";
import { purgeRetention } from "../retention/purge";
import { PurgeBusyError, runningPurge } from "../retention/purge-lock";
import { retentionEveryMs } from "../retention/retention-runner";
import { verifyArchive } from "../retention/verify-archive";
import { recordAccess } from "./audit";

export interface RetentionAdmin {
  current: RetentionPolicyVersion | null;
  history: RetentionPolicyVersion[];
  running: { purgeId: string; claimedAt: Date } | null;
  /** how often this server purges by itself, in hours; null when REWIND_RETENTION=off */
  everyHours: number | null;
}

export async function getRetentionAdmin(): Promise<RetentionAdmin> {
  const store = getStore();
  const [current, history, running] = await Promise.all([readRetentionPolicy(store), retentionHistory(store), runningPurge(store)]);
  return { current, history, running, everyHours: process.env.REWIND_RETENTION === "off" ? null : retentionEveryMs() / 3_600_000 };
}

/** What the draft would remove now, per rule and for the default: counts and recorded dates, read in the database; nothing written. */
export async function previewRetentionDraft(policy: RetentionPolicy, now = new Date()): Promise<RulePreview[]> {
  const store = getStore();
  const next = ((await readRetentionPolicy(store))?.version ?? 0) + 1;
  return previewRetention(store, policy, next, now);
}

/** Saves a new version and puts it on the record (the version and its summary: globs and days, no personal data). */
export async function saveRetention(admin: Viewer, policy: RetentionPolicy): Promise<RetentionPolicyVersion> {
  const saved = await saveRetentionPolicy(getStore(), policy, viewerLabel(admin));
  await recordAccess(admin, { action: "retention-policy.saved", customer: null, target: `retention policy v${saved.version}: ${saved.summary}` });
  return saved;
}

export interface RetentionRunAnswer {
  purgeId: string | null;
  policyVersion: number;
  count: number;
  rules: RulePreview[];
  /** the archive's and the manifest's file names (in REWIND_ARCHIVE_DIR) */
  archive: string | null;
  manifest: string | null;
  /** the archive checked against the store's tombstones, as `integrity verify --archive` does */
  verify: { checked: number; problemCount: number; problems: string[] } | null;
}

export type RetentionRunOutcome = { ok: true; run: RetentionRunAnswer } | { ok: false; reason: "busy" | "changed" | "none"; error: string };

/**
 * Runs a purge now with the version the admin confirmed: a policy saved meanwhile is not run in
 * their name (they are shown it first). A purge already running is said so, nothing started.
 */
export async function runRetentionNow(admin: Viewer, confirmedVersion: number): Promise<RetentionRunOutcome> {
  const store = getStore();
  const current = await readRetentionPolicy(store);
  if (!current) return { ok: false, reason: "none", error: "no retention policy is saved: nothing would be removed" };
  if (current.version !== confirmedVersion)
    return {
      ok: false,
      reason: "changed",
      error: `the policy in force is now v${current.version}, not the v${confirmedVersion} you confirmed: nothing was run; look at v${current.version} first`,
    };
  let result: Awaited<ReturnType<typeof purgeRetention>>;
  try {
    result = await purgeRetention(store);
  } catch (error) {
    if (error instanceof PurgeBusyError) return { ok: false, reason: "busy", error: error.message };
    throw error;
  }
  // The version purgeRetention read itself: a save between the check above and the purge names the one actually run.
  const version = result.policyVersion ?? current.version;
  const verified = result.archive ? await verifyArchive(store, result.archive) : null;
  await recordAccess(admin, {
    action: "retention.purged",
    customer: null,
    target: result.purgeId
      ? `${result.purgeId}: ${result.count} event(s) removed (retention policy v${version})`
      : `nothing due (retention policy v${version})`,
  });
  return {
    ok: true,
    run: {
      purgeId: result.purgeId,
      policyVersion: version,
      count: result.count,
      rules: result.rules,
      archive: result.archive ? basename(result.archive) : null,
      manifest: result.manifest ? basename(result.manifest) : null,
      verify: verified && {
        checked: verified.checked,
        problemCount: verified.problems.length,
        problems: verified.problems.slice(0, 5).map((p) => p.problem),
      },
    },
  };
}
