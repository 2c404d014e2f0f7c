import "server-only";
import { headers } from "next/headers";
import { changeOwnPassword as change } from "../auth/dashboard-users";
import { getStore } from "../db/prisma";
import { SharedBuckets } from "../db/shared-buckets";
import { RATE_BUCKET_SECRET, serverSecret } from "../auth/server-secret";
import type { RateDecision } from "../rate-limit/token-buckets";

export { WrongPasswordError } from "../auth/dashboard-users";

/** The signed-in user's new password; Better Auth's nextCookies plugin sets this browser's new cookie. */
export async function changeOwnPassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  await change(getStore(), await headers(), userId, currentPassword, newPassword);
}

// A stolen session cookie must not become a way to guess the password: attempts are limited per
// user, counted before the check so that attempts sent at once cannot all slip through, and in the
// database so that every node counts the same attempts.
const PASSWORD_ATTEMPTS = { ratePerSecond: 5 / 60, burst: 5 };

export async function takePasswordAttempt(userId: string): Promise<RateDecision> {
  const store = getStore();
  const secret = () => serverSecret(store, RATE_BUCKET_SECRET, undefined);
  return new SharedBuckets(store.db, store.target.provider, "password-change", PASSWORD_ATTEMPTS, secret).take(userId, 1, Date.now());
}
