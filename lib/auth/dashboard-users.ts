import { randomBytes } from "node:crypto";
import { APIError } from "better-auth/api";
import type { Role } from "../access/roles";
import type { Store } from "../db/prisma";
import { getAuth } from "./better-auth";

export interface NewDashboardUser {
  email: string;
  password: string;
  name: string;
  role: Role;
}

/**
 * Creates a dashboard user with a password (admins invite; there is no public sign-up). A
 * temporary password is one somebody else chose and passed on: it must be changed at first sign-in.
 */
export async function createDashboardUser(store: Store, user: NewDashboardUser, options: { temporaryPassword?: boolean } = {}) {
  const auth = await getAuth(store);
  const { user: created } = await auth.api.createUser({
    body: { email: user.email.trim().toLowerCase(), password: user.password, name: user.name, role: user.role },
  });
  if (options.temporaryPassword) await setMustChangePassword(store, created.id, true);
  return created;
}

export async function setMustChangePassword(store: Store, userId: string, must: boolean) {
  await store.db.dashboardUser.update({ where: { id: userId }, data: { mustChangePassword: must } });
}

export async function dashboardUserExists(store: Store, email: string): Promise<boolean> {
  return (await store.db.dashboardUser.count({ where: { email: email.trim().toLowerCase() } })) > 0;
}

/**
 * The first admin comes from REWIND_ADMIN_EMAIL / REWIND_ADMIN_PASSWORD on first start: created
 * when no dashboard user exists yet, never changed afterwards (an admin may have changed it).
 */
export async function ensureFirstAdmin(store: Store, env: Record<string, string | undefined> = process.env): Promise<string | null> {
  const email = env.REWIND_ADMIN_EMAIL?.trim();
  const password = env.REWIND_ADMIN_PASSWORD;
  if (!email || !password) return null;
  if ((await store.db.dashboardUser.count()) > 0) return null;
  await createDashboardUser(store, { email, password, name: "Administrator", role: "admin" });
  return email;
}

/** A password chosen by Rewind for somebody to pass on: shown once, changed at first sign-in. */
export function newTemporaryPassword(): string {
  return randomBytes(12).toString("base64url");
}

/**
 * A forgotten password reset (by an admin on /admin/users, or on the server with `npm run rewind --
 * users reset-password`): a new temporary password hashed by Better Auth, every sign-in of the
 * user ended, a change required at their next sign-in. Callers check who may do it.
 */
export async function resetPassword(store: Store, userId: string): Promise<string> {
  const context = await (await getAuth(store)).$context;
  const password = newTemporaryPassword();
  await context.internalAdapter.updatePassword(userId, await context.password.hash(password));
  await context.internalAdapter.deleteUserSessions(userId);
  await setMustChangePassword(store, userId, true);
  return password;
}

export class WrongPasswordError extends Error {
  constructor() {
    super("the current password is not right");
  }
}

/**
 * A signed-in user's new password (`userHeaders` carry their sign-in). Every other sign-in of
 * theirs ends (whoever knew the old one is out); the answer's Set-Cookie keeps this one signed in.
 */
export async function changeOwnPassword(store: Store, userHeaders: Headers, userId: string, currentPassword: string, newPassword: string) {
  const auth = await getAuth(store, { headers: userHeaders });
  const result = await auth.api
    .changePassword({ body: { currentPassword, newPassword, revokeOtherSessions: true }, headers: userHeaders, returnHeaders: true })
    .catch((error: unknown) => {
      if (error instanceof APIError && /invalid password/i.test(error.message)) throw new WrongPasswordError();
      throw error;
    });
  await setMustChangePassword(store, userId, false);
  return result;
}
