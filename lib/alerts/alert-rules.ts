import { randomBytes } from "node:crypto";
import type { Store } from "../db/prisma";
import { readHeadPosition } from "../eventstore/read";
import type { AlertRuleInput } from "./rule-input";

/** A rule's secret: 32 random bytes, shown once when made or rotated. */
const newSecret = () => `rws_${randomBytes(32).toString("base64url")}`;
const newRuleId = () => `alr_${randomBytes(8).toString("hex")}`;

export interface AlertRuleRow {
  id: string;
  name: string;
  journey: string;
  step: string;
  dropReason: string | null;
  afterMinutes: number;
  webhookUrl: string | null;
  createdBy: string;
  createdAt: Date;
  fired: number;
}

/**
 * Makes a rule (already checked: ./rule-input.ts) and answers its secret, once. It considers only
 * sessions whose last event is recorded after now: the store's head is kept with it.
 */
export async function createAlertRule(store: Store, input: AlertRuleInput, createdBy: string, now = new Date()): Promise<{ id: string; secret: string }> {
  const id = newRuleId();
  const secret = newSecret();
  const fromPosition = BigInt(await readHeadPosition(store));
  await store.db.alertRule.create({ data: { id, ...input, secret, fromPosition, createdBy, createdAt: now } });
  return { id, secret };
}

/** The rules, newest first, with how many alerts each has fired; never their secrets. */
export async function listAlertRules(store: Store): Promise<AlertRuleRow[]> {
  const rules = await store.db.alertRule.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], include: { _count: { select: { alerts: true } } } });
  return rules.map(({ secret: _secret, fromPosition: _from, _count, ...rule }) => ({ ...rule, fired: _count.alerts }));
}

/** Deletes a rule and, with it, its alerts and their deliveries (nothing more is sent). Whether there was one. */
export async function deleteAlertRule(store: Store, id: string): Promise<boolean> {
  return (await store.db.alertRule.deleteMany({ where: { id } })).count > 0;
}

/** A new secret for the rule, answered once; the next attempt of every delivery is signed with it. Null: no such rule. */
export async function rotateAlertSecret(store: Store, id: string): Promise<string | null> {
  const secret = newSecret();
  return (await store.db.alertRule.updateMany({ where: { id }, data: { secret } })).count > 0 ? secret : null;
}
