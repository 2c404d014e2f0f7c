import { randomBytes } from "node:crypto";
import type { Store } from "../db/prisma";
import { readEventsAt, readFeed } from "../eventstore/read";
import type { JourneyCatalog } from "../journeys/catalog";
import { resumeOfSession } from "../resume/find-resume";
import { readCheckpointPosition } from "../sessions/dead-letters";
import { CHECKPOINT } from "../sessions/projector/options";
import { referencesOf } from "../users/user-references";
import { stalledAlertBody } from "./alert-body";
import { ruleFires } from "./stall";

/** How many sessions stopped at a rule's step one pass looks at, latest first. */
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
    const sessions = await store.db.session.findMany({
      where: { journey: rule.journey, userId: { not: null }, funnelDepth: depth, outcome: { not: "completed" }, lastPosition: { gt: rule.fromPosition } },
      orderBy: { lastPosition: "desc" },
      take: CANDIDATES_PER_RULE,
    });
    const done = new Set(
      (await store.db.alert.findMany({ where: { ruleId: rule.id, sessionId: { in: sessions.map((s) => s.id) } }, select: { sessionId: true } })).map(
        (a) => a.sessionId,
      ),
    );
    const open = sessions.filter((s) => !done.has(s.id) && !busy.has(s.userId!));
    const recorded = new Map(
      (
        await readEventsAt(
          store,
          open.map((s) => Number(s.lastPosition)),
        )
      ).map((e) => [Number(e.position), e.recordedAt.getTime()]),
    );
    for (const s of open) {
      const lastRecordedAt = recorded.get(Number(s.lastPosition));
      if (lastRecordedAt === undefined) continue;
      const stall = ruleFires(rule, definition, { ...s, lastRecordedAt }, options.now);
      if (!stall) continue;
      // The customer went on: a later session of theirs in the journey, whatever step it is at.
      const later = await store.db.session.findFirst({
        where: { userId: s.userId, journey: s.journey, id: { not: s.id }, lastPosition: { gt: s.lastPosition } },
        select: { id: true },
      });
      if (later) continue;
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
