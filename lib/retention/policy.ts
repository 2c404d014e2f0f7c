import { z } from "zod";
import { globListMatches } from "../glob/glob";

/**
 * The retention policy (issue 17): rules by event type glob (and optionally source glob), each
 * with the days an event is kept after it was recorded; the first rule that matches an event
 * applies; events no rule matches are kept `defaultKeepDays`, or forever when it is null.
 * Globs are the product's one syntax (lib/glob/glob.ts); a single string stands for a list of one.
 */
const globs = (field: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: `${field} must be a glob or a list of globs` })
    .transform((value) => (typeof value === "string" ? [value] : value))
    .pipe(
      z
        .array(z.string().trim().min(1, `${field}: a glob may not be empty`).max(200, `${field}: a glob is at most 200 characters`))
        .min(1, `${field} needs at least one glob`)
        .max(50, `${field}: at most 50 globs`),
    );

const keepDays = (field: string) =>
  z
    .number({ error: `${field} must be a number of days` })
    .int(`${field} must be a whole number of days`)
    .positive(`${field} must be at least 1 day`)
    .max(36_500, `${field} is at most 36500 days (100 years)`);

export const retentionRuleSchema = z.strictObject({ types: globs("types"), sources: globs("sources").optional(), keepDays: keepDays("keepDays") });

export const retentionPolicySchema = z.strictObject({
  rules: z.array(retentionRuleSchema).max(100, "at most 100 rules"),
  defaultKeepDays: keepDays("defaultKeepDays").nullable(),
});

export type RetentionRule = z.output<typeof retentionRuleSchema>;
export type RetentionPolicy = z.output<typeof retentionPolicySchema>;
export type RetentionPolicyInput = z.input<typeof retentionPolicySchema>;

/** Each problem of a zod error at its JSON path (`rules[1].keepDays`; "" for the whole document), as the editor marks it. */
export function policyErrorList(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join(""),
    message: issue.message,
  }));
}

/** A zod error in words an admin can act on: `rules[1].keepDays: keepDays must be at least 1 day`. */
export function describePolicyErrors(error: z.ZodError): string {
  return policyErrorList(error)
    .map(({ path, message }) => (path ? `${path}: ${message}` : message))
    .join("; ");
}

/** The rule's index that decides an event (rules.length for the default), or null: kept forever. */
export function ruleIndexFor(policy: RetentionPolicy, event: { type: string; source: string }): number | null {
  const index = policy.rules.findIndex((r) => globListMatches(r.types, event.type) && (r.sources === undefined || globListMatches(r.sources, event.source)));
  if (index >= 0) return index;
  return policy.defaultKeepDays === null ? null : policy.rules.length;
}

/** Days the rule at `index` keeps (the default for rules.length). */
export function keepDaysOf(policy: RetentionPolicy, index: number): number {
  return index < policy.rules.length ? policy.rules[index]!.keepDays : policy.defaultKeepDays!;
}

const DAY_MS = 86_400_000;

/** Events recorded before this instant are due under the rule. */
export function cutoffOf(policy: RetentionPolicy, index: number, now: Date): Date {
  return new Date(now.getTime() - keepDaysOf(policy, index) * DAY_MS);
}

/** Whether an event is due at `now`: by its recorded time, never the producer's (no back-dating into an early purge). */
export function isDue(policy: RetentionPolicy, event: { type: string; source: string; recordedAt: Date }, now: Date): boolean {
  const index = ruleIndexFor(policy, event);
  return index !== null && event.recordedAt.getTime() < cutoffOf(policy, index, now).getTime();
}

const days = (n: number) => (n === 1 ? "1 day" : `${n} days`);

/** The rule in words, as a tombstone keeps it: `search.* kept 90 days (retention policy v3)`. */
export function describeRule(policy: RetentionPolicy, index: number, version: number): string {
  if (index >= policy.rules.length) return `any other type kept ${days(policy.defaultKeepDays!)} (retention policy v${version})`;
  const rule = policy.rules[index]!;
  const from = rule.sources ? ` from ${rule.sources.join(", ")}` : "";
  return `${rule.types.join(", ")}${from} kept ${days(rule.keepDays)} (retention policy v${version})`;
}

/** What changed from one version to the next, in words, for the history. */
export function describeRetentionChange(before: RetentionPolicy | null, after: RetentionPolicy): string {
  const rules = after.rules.map((r) => `${r.types.join(",")}${r.sources ? `@${r.sources.join(",")}` : ""} ${r.keepDays}d`).join("; ");
  const fallback = after.defaultKeepDays === null ? "others kept forever" : `others ${after.defaultKeepDays}d`;
  const text = `${after.rules.length} rule(s): ${rules || "none"}; ${fallback}`;
  return before === null ? `first version: ${text}` : text;
}
