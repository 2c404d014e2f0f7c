import type { Store } from "../db/prisma";
import { nextAttemptAfterFailure } from "./backoff";
import { type ResolveHost, sendWebhook } from "./send-webhook";
import { SIGNATURE_HEADER, signatureHeader } from "./signature";

/** How long a server holds a delivery it claimed: longer than an attempt's timeout, so the lease outlives the attempt. */
const LEASE_MS = 60_000;
/** Deliveries one pass sends at most (one at a time: receivers are other teams' servers). */
const DUE_PER_PASS = 20;

export interface DeliverOptions {
  /** the store's clock */
  now: number;
  /** REWIND_WEBHOOK_ALLOW's host patterns */
  allow: readonly string[];
  resolve?: ResolveHost;
  /** an admin's "send again": the attempt is marked as theirs */
  manual?: boolean;
}

const isOk = (status: number | null) => status !== null && status >= 200 && status < 300;

/**
 * Sends one pending delivery, if this process can claim it: the claim is a conditional update
 * (pending, due, its lease free), so of two servers only the one whose update changed the row
 * sends. The body is the one stored at firing (same `id` every time), signed afresh with the
 * rule's current secret. A 2xx answer delivers it; anything else, or none, is retried with
 * backoff until 24 hours have passed since it fired (or was sent again), then it has failed.
 */
export async function deliverAlert(store: Store, id: string, options: DeliverOptions): Promise<"delivered" | "retrying" | "failed" | "not-claimed"> {
  const now = new Date(options.now);
  const claimed = await store.db.alert.updateMany({
    where: { id, delivery: "pending", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { claimedUntil: new Date(options.now + LEASE_MS) },
  });
  if (claimed.count === 0) return "not-claimed";
  const alert = await store.db.alert.findUnique({ where: { id }, include: { rule: true } });
  if (!alert?.rule.webhookUrl) return "not-claimed";
  const headers = { [SIGNATURE_HEADER]: signatureHeader(alert.rule.secret, alert.body, options.now), "Rewind-Alert-Id": alert.id };
  const outcome = await sendWebhook(alert.rule.webhookUrl, alert.body, headers, options.allow, options.resolve);
  const attempts = alert.attempts + 1;
  const next = isOk(outcome.status) ? null : nextAttemptAfterFailure(alert.retryFrom.getTime(), options.now, attempts);
  const delivery = isOk(outcome.status) ? "delivered" : next === null ? "failed" : "pending";
  await store.db.$transaction([
    store.db.alertAttempt.create({
      data: { alertId: id, attemptedAt: now, status: outcome.status, answer: outcome.answer, durationMs: outcome.durationMs, manual: options.manual ?? false },
    }),
    store.db.alert.update({ where: { id }, data: { attempts, delivery, nextAttemptAt: next === null ? null : new Date(next), claimedUntil: null } }),
  ]);
  return delivery === "pending" ? "retrying" : delivery;
}

/** One pass of the delivery loop: every due delivery this process can claim, oldest due first. Answers how many were attempted. */
export async function deliverDue(store: Store, options: DeliverOptions): Promise<number> {
  const now = new Date(options.now);
  const due = await store.db.alert.findMany({
    where: { delivery: "pending", nextAttemptAt: { lte: now }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    orderBy: { nextAttemptAt: "asc" },
    take: DUE_PER_PASS,
    select: { id: true },
  });
  let sent = 0;
  for (const { id } of due) if ((await deliverAlert(store, id, options)) !== "not-claimed") sent += 1;
  return sent;
}

/**
 * An admin's "send again": the delivery is pending from now, with a fresh 24 hours of retries, and
 * its first attempt is made at once. Not for an alert of a rule without a webhook. Null: no such delivery.
 */
export async function sendAgain(store: Store, id: string, options: Omit<DeliverOptions, "manual">): Promise<string | null> {
  const now = new Date(options.now);
  const reset = await store.db.alert.updateMany({
    where: { id, delivery: { not: "none" }, OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
    data: { delivery: "pending", attempts: 0, retryFrom: now, nextAttemptAt: now },
  });
  if (reset.count === 0) return null;
  return deliverAlert(store, id, { ...options, manual: true });
}
