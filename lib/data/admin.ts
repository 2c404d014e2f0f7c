import "server-only";
import { headers } from "next/headers";
import type { Role } from "../access/roles";
import { listApiKeys, createApiKey, revokeApiKey } from "../auth/api-keys";
import type { ServicePermission } from "../auth/key-permissions";
import { getAuth } from "../auth/better-auth";
import { createDashboardUser, newTemporaryPassword, resetPassword } from "../auth/dashboard-users";
import type { KeyKind } from "../auth/key-material";
import { auditStream } from "../audit/audit-event";
import { getStore } from "../db/prisma";
import { readLastEventsOf } from "../eventstore/read";
import type { PersonalDataPolicy } from "../privacy/policy";
import { forgetMasker, policyHistory, readPolicy, savePolicy } from "../privacy/policy-store";

export async function listDashboardUsers() {
  return getStore().db.dashboardUser.findMany({
    orderBy: { createdAt: "asc" },
    select: { id: true, email: true, name: true, role: true, banned: true, mustChangePassword: true, createdAt: true },
  });
}

/**
 * Each dashboard user's newest sign-in, by user id: the newest sign-in session kept. Signing out
 * (or a password reset, or disabling) removes a user's sessions, so a user who signed out since
 * has none: the page says so rather than showing a date it does not know.
 */
export async function lastSignIns(): Promise<Map<string, Date>> {
  const rows = await getStore().db.authSession.groupBy({ by: ["userId"], _max: { createdAt: true } });
  return new Map(rows.flatMap((r) => (r._max.createdAt ? [[r.userId, r._max.createdAt] as const] : [])));
}

/**
 * Each API key's newest audited read, by key id: a service key's looks at customer data are on
 * record in its audit stream. Appends are not recorded per key, so a producer key has none.
 */
export async function lastAuditedUse(keyIds: readonly number[]): Promise<Map<number, Date>> {
  const last = await readLastEventsOf(
    getStore(),
    keyIds.map((id) => auditStream(`key:${id}`)),
  );
  return new Map(last.map((e) => [Number(e.stream.slice(auditStream("key:").length)), e.occurredAt]));
}

/** Invites a user: an account with a temporary password the admin passes on (shown once). */
export async function inviteDashboardUser(user: { email: string; name: string; role: Role }) {
  const password = newTemporaryPassword();
  await createDashboardUser(getStore(), { ...user, password }, { temporaryPassword: true });
  return password;
}

async function findEmail(userId: string): Promise<string | null> {
  const user = await getStore().db.dashboardUser.findUnique({ where: { id: userId }, select: { email: true } });
  return user?.email ?? null;
}

/** A dashboard user's email, for the record of what was done to their account; null for no such user. */
export async function emailOf(userId: string): Promise<string | null> {
  return findEmail(userId);
}

/** A forgotten password: a new temporary password for the admin to pass on (shown once); null for no such user. */
export async function resetDashboardUserPassword(userId: string): Promise<{ email: string; password: string } | null> {
  const email = await findEmail(userId);
  if (email === null) return null;
  return { email, password: await resetPassword(getStore(), userId) };
}

export class LastAdminError extends Error {
  constructor() {
    super("there must always be an active admin: make someone else admin first");
  }
}

/** Refuses a change that would leave no active admin but the one being changed. */
async function keepAnAdmin(userId: string) {
  const others = await getStore().db.dashboardUser.count({ where: { role: "admin", id: { not: userId }, NOT: { banned: true } } });
  if (others === 0) throw new LastAdminError();
}

export async function changeRole(userId: string, role: Role) {
  if (role !== "admin") await keepAnAdmin(userId);
  const auth = await getAuth(getStore(), { headers: await headers() });
  await auth.api.setRole({ body: { userId, role }, headers: await headers() });
}

/** Disabling signs the user out everywhere at once (Better Auth's ban revokes their sessions). */
export async function setDisabled(userId: string, disabled: boolean) {
  if (disabled) await keepAnAdmin(userId);
  const auth = await getAuth(getStore(), { headers: await headers() });
  if (disabled) await auth.api.banUser({ body: { userId, banReason: "disabled by an admin" }, headers: await headers() });
  else await auth.api.unbanUser({ body: { userId }, headers: await headers() });
}

export async function listKeys() {
  return listApiKeys(getStore());
}

export async function createKey(
  kind: KeyKind,
  name: string,
  source: string | null,
  createdBy: string,
  types: readonly string[] | null = null,
  permissions: readonly ServicePermission[] | null = null,
) {
  return createApiKey(getStore(), kind, name, { source, types, permissions, createdBy });
}

export async function revokeKey(id: number) {
  return revokeApiKey(getStore(), id);
}

export async function getPolicyAndHistory() {
  const store = getStore();
  const current = await readPolicy(store);
  return { current, history: await policyHistory(store) };
}

export async function updatePolicy(policy: PersonalDataPolicy, changedBy: string) {
  const saved = await savePolicy(getStore(), policy, changedBy);
  forgetMasker();
  return saved;
}
