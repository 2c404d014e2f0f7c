import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../db/prisma";
import { createMasker, type Masker } from "./mask";
import { describePolicyChange, policySchema, type PersonalDataPolicy } from "./policy";

/** The file the first version is seeded from (REWIND_PERSONAL_DATA_POLICY overrides it). */
export function policySeedFile(env: Record<string, string | undefined> = process.env): string {
  // Read at run time from the working directory, not bundled: turbopackIgnore keeps the build from tracing the project.
  return env.REWIND_PERSONAL_DATA_POLICY || join(/* turbopackIgnore: true */ process.cwd(), "prisma", "personal-data-policy.json");
}

export interface PolicyVersion {
  version: number;
  policy: PersonalDataPolicy;
  changedBy: string;
  changedAt: Date;
  summary: string;
}

function toVersion(row: { version: number; policy: unknown; changedBy: string; changedAt: Date; summary: string }): PolicyVersion {
  return { ...row, policy: policySchema.parse(row.policy) };
}

async function latest(store: Store): Promise<PolicyVersion | null> {
  const row = await store.db.personalDataPolicy.findFirst({ orderBy: { version: "desc" } });
  return row ? toVersion(row) : null;
}

/** The policy in force; on a store without one, version 1 from the seed file. */
export async function readPolicy(store: Store): Promise<PolicyVersion> {
  const current = await latest(store);
  if (current) return current;
  const file = policySeedFile();
  const seeded = policySchema.parse(JSON.parse(readFileSync(file, "utf8")));
  await savePolicy(store, seeded, `seed (${file.split("/").slice(-2).join("/")})`).catch(() => undefined);
  return (await latest(store))!;
}

/** Saves a new version (the old ones stay as history), with what changed in words. */
export async function savePolicy(store: Store, policy: PersonalDataPolicy, changedBy: string): Promise<PolicyVersion> {
  const before = await latest(store);
  const row = await store.db.personalDataPolicy.create({
    data: { policy: policy as object, changedBy, changedAt: new Date(), summary: describePolicyChange(before?.policy ?? null, policy) },
  });
  return toVersion(row);
}

export async function policyHistory(store: Store, limit = 50): Promise<PolicyVersion[]> {
  const rows = await store.db.personalDataPolicy.findMany({ orderBy: { version: "desc" }, take: limit });
  return rows.map(toVersion);
}

const cache = globalThis as unknown as { rewindMasker?: { version: number; masker: Masker; checkedAt: number } };
const RECHECK_MS = 2_000;

/**
 * The masker for the policy in force. A saved change reaches every process within a couple of
 * seconds; in between, one small query per two seconds, not per request.
 */
export async function currentMasker(store: Store, now = Date.now()): Promise<Masker> {
  const cached = cache.rewindMasker;
  if (cached && now - cached.checkedAt < RECHECK_MS) return cached.masker;
  const head = await store.db.personalDataPolicy.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
  if (cached && head?.version === cached.version) {
    cached.checkedAt = now;
    return cached.masker;
  }
  const current = await readPolicy(store);
  cache.rewindMasker = { version: current.version, masker: createMasker(current.policy), checkedAt: now };
  return cache.rewindMasker.masker;
}

/** Forget the cached masker (after this process saved a new version). */
export function forgetMasker(): void {
  cache.rewindMasker = undefined;
}
