"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { alertRuleInputSchema } from "../alerts/rule-input";
import { recordAccess } from "../data/audit";
import { createRule, deleteRule, rotateSecret, sendDeliveryAgain } from "../data/alerts";
import { requireViewer } from "../data/viewer";
import type { ActionResult } from "./action-result";

// Alert rules are admin-only; every action checks the role itself and its input: server actions are public endpoints.

const FIELD: Record<string, string> = { afterMinutes: "after", webhookUrl: "webhook", dropReason: "drop reason" };
const idSchema = (prefix: string) => z.string().regex(new RegExp(`^${prefix}_[0-9a-f]{1,40}$`), `not an id of the form ${prefix}_…`);

export async function createAlertRuleAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("alerts.manage");
  const input = alertRuleInputSchema.safeParse(Object.fromEntries(form));
  if (!input.success) return { ok: false, error: input.error.issues.map((i) => `${FIELD[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join("; ") };
  const made = await createRule(input.data, admin.email);
  if (!made.ok) return made;
  await recordAccess(admin, { action: "alert-rule.created", customer: null, target: `alert rule ${made.id} (${input.data.journey} at ${input.data.step})` });
  revalidatePath("/admin/alerts");
  return { ok: true, message: `Created alert rule “${input.data.name}” (${made.id}). Copy its secret now: it is shown only once.`, secret: made.secret };
}

export async function deleteAlertRuleAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("alerts.manage");
  const id = idSchema("alr").safeParse(form.get("id"));
  if (!id.success) return { ok: false, error: `id: ${id.error.issues[0]!.message}` };
  if (!(await deleteRule(id.data))) return { ok: false, error: `There is no alert rule ${id.data} (deleted already?).` };
  await recordAccess(admin, { action: "alert-rule.deleted", customer: null, target: `alert rule ${id.data}` });
  revalidatePath("/admin/alerts");
  return { ok: true, message: `Deleted alert rule ${id.data}.` };
}

export async function rotateAlertSecretAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("alerts.manage");
  const id = idSchema("alr").safeParse(form.get("id"));
  if (!id.success) return { ok: false, error: `id: ${id.error.issues[0]!.message}` };
  const secret = await rotateSecret(id.data);
  if (!secret) return { ok: false, error: `There is no alert rule ${id.data}.` };
  await recordAccess(admin, { action: "alert-rule.secret-rotated", customer: null, target: `alert rule ${id.data}` });
  return { ok: true, message: "New secret: every delivery from now on is signed with it. Copy it now: it is shown only once.", secret };
}

export async function sendAlertAgainAction(_state: ActionResult, form: FormData): Promise<ActionResult> {
  const admin = await requireViewer("alerts.manage");
  const id = idSchema("alt").safeParse(form.get("id"));
  if (!id.success) return { ok: false, error: `id: ${id.error.issues[0]!.message}` };
  const outcome = await sendDeliveryAgain(id.data);
  if (outcome === null) return { ok: false, error: "Not sent: no such delivery, its rule has no webhook, or an attempt is under way." };
  await recordAccess(admin, { action: "alert.sent-again", customer: null, target: `alert ${id.data}` });
  revalidatePath("/admin/alerts");
  const words = {
    delivered: "Delivered.",
    retrying: "Not delivered: retried with backoff.",
    failed: "Not delivered.",
    "not-claimed": "An attempt is under way.",
  };
  return { ok: true, message: words[outcome as keyof typeof words] ?? outcome };
}
