import { randomBytes } from "node:crypto";
import type { Store } from "../db/prisma";
import { empty, sql } from "../db/sql";
import { readEventsAt, readFeed } from "../eventstore/read";
import type { JourneyCatalog } from "../journeys/catalog";
import { resumeOfSession } from "../resume/find-resume";
import { readCheckpointPosition } from "../sessions/dead-letters";
import { CHECKPOINT } from "../sessions/projector/options";
import { referencesOf } from "../users/user-references";
import { stalledAlertBody } from "./alert-body";
import { ruleFires } from "./stall";

/** How many sessions stopped at a rule's step one pass looks at, the longest stopped first. */
const CANDIDATES_PER_RULE = 2000;
/** Unfolded events a pass will look through; more, and the projector is too far behind to judge on. */
const UNPROJECTED_AT_MOST = 1000;

export interface EvaluateOptions {
  /** the store's clock: recorded times are compared with it */
  now: number;
  catalog: JourneyCatalog;
  /** the personal-data policy, for the body's strings */
  mask: (text: string) => string;
}

const newAlertId = () => `alt_${randomBytes(10).toString("hex")}`;

/**
 * Customers with events the projector has not folded yet: what they did may be going on, so none
 * of their sessions is judged stalled this pass. Null when too many are waiting to tell.
 */
async function customersStillBeingFolded(store: Store): Promise<Set<string> | null> {
  const after = await readCheckpointPosition(store, CHECKPOINT);
  const pending = await readFeed(store, { after, limit: UNPROJECTED_AT_MOST + 1 });
  if (pending.length > UNPROJECTED_AT_MOST) return null;
  return new Set(pending.flatMap((e) => (e.userid ? [e.userid] : [])));
}

/**
 * The sessions a rule may fire for: of a known customer, in its journey, stopped at its step (the
 * funnel depth), not completed, last event recorded after the rule was made, with the rule's drop
 * reason when it names one (an open session's is judged later: it has none stored yet), not fired
 * for yet, and with no later session of the customer in the journey (they went on). All of it in
 * the query, so what it returns is only what will fire once its minutes pass (or an open session):
 * what will never fire is not read again on every pass.
 */
async function stoppedAtStep(store: Store, rule: { id: string; journey: string; dropReason: string | null; fromPosition: bigint }, depth: number) {
  const reason = rule.dropReason === null ? empty : sql`AND (s."end_reason" = 'open' OR s."drop_reason" = ${rule.dropReason})`;
  const rows = await store.db.$queryRaw<{ id: string }[]>(sql`SELECT s."id" FROM "sessions" s
    WHERE s."journey" = ${rule.journey} AND s."user_id" IS NOT NULL AND s."funnel_depth" = ${depth} AND s."outcome" <> 'completed'
      AND s."last_position" > ${rule.fromPosition} ${reason}
      AND NOT EXISTS (SELECT 1 FROM "alerts" a WHERE a."rule_id" = ${rule.id} AND a."session_id" = s."id")
      AND NOT EXISTS (SELECT 1 FROM "sessions" l WHERE l."user_id" = s."user_id" AND l."journey" = s."journey" AND l."id" <> s."id"
        AND l."last_position" > s."last_position")
    ORDER BY s."last_position" ASC LIMIT ${CANDIDATES_PER_RULE}`);
  return store.db.session.findMany({ where: { id: { in: rows.map((r) => r.id) } }, orderBy: { lastPosition: "asc" } });
}

/**
 * One pass of every rule at `now`: fires each rule once for each session of a known customer that
 * stopped at its step, whose last event was recorded after the rule was made and at least the
 * rule's minutes before now, and after which the customer has no later session in the journey.
 * Once per session is held by the database (alerts' unique (rule, session)): another server
 * firing the same alert at once loses the insert and sends nothing. Answers the alerts fired.
 */
export async function fireStalledAlerts(store: Store, options: EvaluateOptions): Promise<string[]> {
  const rules = await store.db.alertRule.findMany();
  if (rules.length === 0) return [];
  const busy = await customersStillBeingFolded(store);
  if (busy === null) return [];
  const fired: string[] = [];
  for (const rule of rules) {
    const definition = options.catalog.byName(rule.journey);
    const depth = definition ? definition.funnel.findIndex((s) => s.key === rule.step) + 1 : 0;
    if (!definition || depth === 0) continue;
    const candidates = (await stoppedAtStep(store, rule, depth)).filter((session) => !busy.has(session.userId!));
    const lastEvents = await readEventsAt(
      store,
      candidates.map((c) => Number(c.lastPosition)),
    );
    const recorded = new Map(lastEvents.map((e) => [Number(e.position), e.recordedAt.getTime()]));
    for (const s of candidates) {
      const lastRecordedAt = recorded.get(Number(s.lastPosition));
      if (lastRecordedAt === undefined) continue;
      const stall = ruleFires(rule, definition, { ...s, lastRecordedAt }, options.now);
      if (!stall) continue;
      const [references, found] = await Promise.all([referencesOf(store.db, store.target.provider, [s.userId!]), resumeOfSession(store, s, options.now)]);
      const id = newAlertId();
      const resume = found ? { canContinue: found.answer.resume.canContinue, step: found.answer.resume.step } : { canContinue: false, step: null };
      const body = stalledAlertBody({ id, rule, session: s, stall, customer: references.get(s.userId!) ?? "", resume, occurredAt: options.now }, options.mask);
      const at = new Date(options.now);
      try {
        await store.db.alert.create({
          data: {
            id,
            ruleId: rule.id,
            sessionId: s.id,
            userId: s.userId!,
            body: JSON.stringify(body),
            occurredAt: at,
            delivery: rule.webhookUrl ? "pending" : "none",
            retryFrom: at,
            nextAttemptAt: rule.webhookUrl ? at : null,
          },
        });
        fired.push(id);
      } catch (error) {
        // Fired already, by another server in the same moment (once per session), or the rule was deleted meanwhile.
        const code = (error as { code?: unknown }).code;
        if (code !== "P2002" && code !== "P2003") throw error;
      }
    }
  }
  return fired;
}
