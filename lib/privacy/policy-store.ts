import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Store } from "../db/prisma";
import { createMasker, type Masker, type MaskerOptions } from "./mask";
import { checkPattern } from "./pattern-safety";
import { describePolicyChange, policySchema, type PersonalDataPolicy } from "./policy";
import { savablePolicySchema } from "./savable-policy";

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
  // A seed file with a pattern that is not safe to run fails here, naming it, rather than later on every read.
  const seeded = await savablePolicySchema.parseAsync(JSON.parse(readFileSync(file, "utf8")));
  await savePolicy(store, seeded, `seed (${file.split("/").slice(-2).join("/")})`).catch(() => undefined);
  return (await latest(store))!;
}

/**
 * Saves a new version (the old ones stay as history), with what changed in words. A pattern not
 * shown safe to run is refused (a ZodError naming it): whoever calls, the store never gets one.
 */
export async function savePolicy(store: Store, unchecked: PersonalDataPolicy, changedBy: string): Promise<PolicyVersion> {
  const policy = await savablePolicySchema.parseAsync(unchecked);
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

const cache = globalThis as unknown as { rewindMasker?: { version: number; journeyPaths: string; masker: Masker; checkedAt: number } };

type JourneyReads = NonNullable<MaskerOptions["journeyReads"]>;
const RECHECK_MS = 2_000;

/**
 * The masker for the policy in force, with the live journeys' personal paths (`journeyPaths`)
 * added to its own, and what their facts read (`journeyReads`). A saved change reaches every process within a couple of seconds; in between,
 * one small query per two seconds, not per request.
 */
export async function currentMasker(store: Store, now = Date.now(), journeyPaths: readonly string[] = [], journeyReads: JourneyReads = []): Promise<Masker> {
  const cached = cache.rewindMasker;
  const pathsKey = `${journeyPaths.join("\n")}\n\n${JSON.stringify(journeyReads)}`;
  if (cached && cached.journeyPaths === pathsKey && now - cached.checkedAt < RECHECK_MS) return cached.masker;
  const head = await store.db.personalDataPolicy.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
  if (cached && head?.version === cached.version && cached.journeyPaths === pathsKey) {
    cached.checkedAt = now;
    return cached.masker;
  }
  const current = await readPolicy(store);
  // A version saved before patterns were checked may hold one that is not safe to run: it fails
  // closed (every string masked whole) instead of stalling every read. Verdicts are kept per process.
  const verdicts = await Promise.all(current.policy.patterns.map((p) => checkPattern(p.regex)));
  const unproven = new Set(current.policy.patterns.filter((_, i) => !verdicts[i]!.safe).map((p) => p.regex));
  if (unproven.size > 0)
    logUnproven(
      current.version,
      current.policy.patterns.filter((p) => unproven.has(p.regex)).map((p) => p.name),
    );
  cache.rewindMasker = {
    version: current.version,
    journeyPaths: pathsKey,
    masker: createMasker(current.policy, { unproven, journeyPaths, journeyReads }),
    checkedAt: now,
  };
  return cache.rewindMasker.masker;
}

function logUnproven(version: number, names: string[]): void {
  // Names an admin chose, not personal data; written directly (not through logLine, whose masker is
  // this masker and would mask the line whole), in the same JSON shape as every server log line.
  const patterns = names.map((n) => JSON.stringify(n)).join(", ");
  const msg = `personal-data policy v${version}: pattern(s) ${patterns} not safe to run; every string is masked whole until a new version replaces them`;
  console.warn(JSON.stringify({ level: "warn", time: new Date().toISOString(), msg }));
}

/** Forget the cached masker (after this process saved a new version). */
export function forgetMasker(): void {
  cache.rewindMasker = undefined;
}
