import type { Store } from "../db/prisma";
import { describeRetentionChange, retentionPolicySchema, type RetentionPolicy, type RetentionPolicyInput } from "./policy";

export interface RetentionPolicyVersion {
  version: number;
  policy: RetentionPolicy;
  changedBy: string;
  changedAt: Date;
  summary: string;
}

/** What a store without a saved version keeps: everything, forever. */
export const KEEP_EVERYTHING: RetentionPolicy = { rules: [], defaultKeepDays: null };

function toVersion(row: { version: number; policy: unknown; changedBy: string; changedAt: Date; summary: string }): RetentionPolicyVersion {
  return { ...row, policy: retentionPolicySchema.parse(row.policy) };
}

/** The policy in force, or null when none was ever saved (then nothing is removed). */
export async function readRetentionPolicy(store: Store): Promise<RetentionPolicyVersion | null> {
  const row = await store.db.retentionPolicy.findFirst({ orderBy: { version: "desc" } });
  return row ? toVersion(row) : null;
}

/** Saves a new version (the old ones stay as history); an invalid policy throws the ZodError and writes nothing. */
export async function saveRetentionPolicy(store: Store, input: RetentionPolicyInput, changedBy: string): Promise<RetentionPolicyVersion> {
  const policy = retentionPolicySchema.parse(input);
  const before = await readRetentionPolicy(store);
  const row = await store.db.retentionPolicy.create({
    data: { policy: policy as object, changedBy, changedAt: new Date(), summary: describeRetentionChange(before?.policy ?? null, policy) },
  });
  return toVersion(row);
}

export async function retentionHistory(store: Store, limit = 50): Promise<RetentionPolicyVersion[]> {
  return (await store.db.retentionPolicy.findMany({ orderBy: { version: "desc" }, take: limit })).map(toVersion);
}
