import "server-only";
import { createAlertRule, deleteAlertRule, listAlertRules, rotateAlertSecret } from "../alerts/alert-rules";
import { sendAgain } from "../alerts/deliver";
import type { StalledAlertBody } from "../alerts/alert-body";
import { alertRuleProblem, type AlertRuleInput } from "../alerts/rule-input";
import { webhookAllowList } from "../alerts/webhook-guard";
import { getStore } from "../db/prisma";
import { dropReasonsOf } from "../journeys/drop-reasons";
import { liveCatalog } from "./catalog";

/** How many of the latest deliveries the admin page lists, each with its attempts. */
const DELIVERIES_SHOWN = 30;

/** The rules, newest first, without their secrets. */
export const listRules = () => listAlertRules(getStore());

/** The journeys a rule can name, with their steps and drop reasons, for the form's choices. */
export async function alertRuleChoices() {
  const catalog = await liveCatalog();
  return catalog.journeys.map((d) => ({
    name: d.name,
    label: d.label,
    steps: d.funnel.map((s) => ({ key: s.key, label: s.label })),
    dropReasons: dropReasonsOf(d).map((r) => ({ key: r.key, label: r.label })),
  }));
}

/** Makes a rule when it holds against the live journeys and the webhook guard; else what is wrong, by field. */
export async function createRule(input: AlertRuleInput, by: string): Promise<{ ok: true; id: string; secret: string } | { ok: false; error: string }> {
  const problem = alertRuleProblem(input, await liveCatalog(), webhookAllowList());
  if (problem) return { ok: false, error: problem };
  return { ok: true, ...(await createAlertRule(getStore(), input, by)) };
}

export const deleteRule = (id: string) => deleteAlertRule(getStore(), id);
export const rotateSecret = (id: string) => rotateAlertSecret(getStore(), id);
export const sendDeliveryAgain = (id: string) => sendAgain(getStore(), id, { now: Date.now(), allow: webhookAllowList() });

export interface DeliveryRow {
  id: string;
  ruleName: string;
  webhookUrl: string | null;
  /** what was sent: its body as stored, masked when it fired */
  session: StalledAlertBody["session"];
  occurredAt: string;
  delivery: string;
  nextAttemptAt: string | null;
  attempts: { at: string; status: number | null; answer: string; durationMs: number; manual: boolean }[];
}

/** The latest fired alerts with their deliveries' attempts and answers, newest first. */
export async function listDeliveries(): Promise<DeliveryRow[]> {
  const alerts = await getStore().db.alert.findMany({
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: DELIVERIES_SHOWN,
    include: { rule: { select: { name: true, webhookUrl: true } }, tries: { orderBy: { id: "asc" } } },
  });
  return alerts.map((a) => ({
    id: a.id,
    ruleName: a.rule.name,
    webhookUrl: a.rule.webhookUrl,
    session: (JSON.parse(a.body) as StalledAlertBody).session,
    occurredAt: a.occurredAt.toISOString(),
    delivery: a.delivery,
    nextAttemptAt: a.nextAttemptAt?.toISOString() ?? null,
    attempts: a.tries.map((t) => ({ at: t.attemptedAt.toISOString(), status: t.status, answer: t.answer, durationMs: t.durationMs, manual: t.manual })),
  }));
}
