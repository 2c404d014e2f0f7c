import { dialectOf } from "../db/dialect";
import type { Store } from "../db/prisma";
import { join, raw, sql, toMs, type Sql } from "../db/sql";
import { cutoffOf, describeRule, keepDaysOf, type RetentionPolicy } from "./policy";

/**
 * The policy as SQL over `events`: which rule decides each event (the first that matches, as
 * ruleIndexFor), and whether it is due by its recorded time. The newest chained event is never
 * due: appends continue the chain from it (lib/eventstore/append.ts reads the newest link in
 * `events`), so it must stay in the store.
 */
function ruleCase(store: Store, policy: RetentionPolicy): Sql {
  const d = dialectOf(store.target.provider);
  const anyOf = (column: string, patterns: readonly string[]) =>
    sql`(${join(
      patterns.map((p) => d.globMatches(raw(`"${column}"`), p)),
      " OR ",
    )})`;
  const whens = policy.rules.map((rule, i) => {
    const condition = rule.sources ? sql`${anyOf("type", rule.types)} AND ${anyOf("source", rule.sources)}` : anyOf("type", rule.types);
    return sql`WHEN ${condition} THEN ${raw(String(i))}`;
  });
  const fallback = raw(policy.defaultKeepDays === null ? "-1" : String(policy.rules.length));
  return whens.length === 0 ? fallback : sql`CASE ${join(whens, " ")} ELSE ${fallback} END`;
}

function dueCondition(store: Store, policy: RetentionPolicy, now: Date): Sql {
  const d = dialectOf(store.target.provider);
  const indexes = [...policy.rules.keys(), ...(policy.defaultKeepDays === null ? [] : [policy.rules.length])];
  if (indexes.length === 0) return sql`1 = 0`;
  return sql`(${join(
    indexes.map((i) => sql`("rule" = ${raw(String(i))} AND "recorded_at" < ${d.timestamp(cutoffOf(policy, i, now))})`),
    " OR ",
  )})`;
}

const HEAD = sql`COALESCE((SELECT MAX("position") FROM "events" WHERE "chain_hash" IS NOT NULL), (SELECT MAX("position") FROM "events"))`;

export interface RulePreview {
  /** the rule's place in the policy; rules.length for the default */
  index: number;
  rule: string;
  keepDays: number;
  /** events it would remove now */
  count: number;
  /** the oldest and newest recorded time among them (null when none) */
  oldest: Date | null;
  newest: Date | null;
}

/** Per rule, what it would remove at `now`: COUNT/MIN/MAX in the database, nothing written. */
export async function previewRetention(store: Store, policy: RetentionPolicy, version: number, now: Date): Promise<RulePreview[]> {
  const rows = await store.db.$queryRaw<{ rule: unknown; n: unknown; oldest: unknown; newest: unknown }[]>(sql`
    SELECT "rule", COUNT(*) AS "n", MIN("recorded_at") AS "oldest", MAX("recorded_at") AS "newest"
    FROM (SELECT ${ruleCase(store, policy)} AS "rule", "recorded_at" FROM "events" WHERE "position" < ${HEAD}) AS "r"
    WHERE ${dueCondition(store, policy, now)}
    GROUP BY "rule"`);
  const byRule = new Map(rows.map((r) => [Number(r.rule), r]));
  const indexes = [...policy.rules.keys(), ...(policy.defaultKeepDays === null ? [] : [policy.rules.length])];
  return indexes.map((index) => {
    const row = byRule.get(index);
    return {
      index,
      rule: describeRule(policy, index, version),
      keepDays: keepDaysOf(policy, index),
      count: row ? Number(row.n) : 0,
      oldest: row ? new Date(toMs(row.oldest)) : null,
      newest: row ? new Date(toMs(row.newest)) : null,
    };
  });
}

/** The next due events after `after`, in position order, each with the rule that removes it. */
export async function dueAfter(store: Store, policy: RetentionPolicy, now: Date, after: number, limit: number): Promise<{ position: number; rule: number }[]> {
  const rows = await store.db.$queryRaw<{ position: unknown; rule: unknown }[]>(sql`
    SELECT "position", "rule"
    FROM (SELECT "position", ${ruleCase(store, policy)} AS "rule", "recorded_at" FROM "events"
      WHERE "position" > ${BigInt(after)} AND "position" < ${HEAD}) AS "r"
    WHERE ${dueCondition(store, policy, now)}
    ORDER BY "position" LIMIT ${limit}`);
  return rows.map((r) => ({ position: Number(r.position), rule: Number(r.rule) }));
}
