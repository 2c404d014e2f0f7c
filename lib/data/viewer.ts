import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { PAGE_PATH_HEADER } from "../access/page-path";
import { can, isRole, type Permission } from "../access/roles";
import { safeNext } from "../access/safe-next";
import type { Viewer } from "../access/viewer";
import { getAuth } from "../auth/better-auth";
import { getStore } from "../db/prisma";

type UserViewer = Extract<Viewer, { kind: "user" }>;

/** Where a user signed in with a temporary password must go before anything else. */
export const ACCOUNT_PAGE = "/account";

/**
 * The signed-in dashboard user behind these request headers, or null (none, expired, disabled, no
 * role), and whether they still hold a temporary password they must change first.
 */
export async function signedInFromHeaders(requestHeaders: Headers): Promise<{ viewer: UserViewer; mustChangePassword: boolean } | null> {
  const auth = await getAuth(getStore(), { headers: requestHeaders });
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { user } = session;
  if (user.banned || !isRole(user.role)) return null;
  return {
    viewer: { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role, signIn: session.session.id },
    mustChangePassword: user.mustChangePassword === true,
  };
}

/**
 * The sign-in page for a viewer whose cookie no longer names a sign-in (without a cookie proxy.ts
 * sent them there already): it says why, and brings them back to the page they asked for.
 */
async function signInAgain(): Promise<string> {
  const next = safeNext((await headers()).get(PAGE_PATH_HEADER));
  const query = new URLSearchParams({ ended: "1", ...(next && next !== "/" ? { next } : {}) });
  return `/sign-in?${query}`;
}

/** The signed-in user of the page or server action being rendered (one lookup per request). */
export const currentSignIn = cache(async () => signedInFromHeaders(await headers()));

/** The viewer of the page or server action being rendered, or null. */
export async function currentViewer(): Promise<UserViewer | null> {
  return (await currentSignIn())?.viewer ?? null;
}

/**
 * Pages and server actions start here: no sign-in goes to the sign-in page, a temporary password
 * to the account page to be changed, a role without `permission` gets 403. The check runs before
 * anything streams, so the status is real.
 */
export async function requireViewer(permission: Permission): Promise<UserViewer> {
  const signedIn = await currentSignIn();
  if (!signedIn) redirect(await signInAgain());
  if (signedIn.mustChangePassword) redirect(ACCOUNT_PAGE);
  if (!can(signedIn.viewer.role, permission)) forbidden();
  return signedIn.viewer;
}

/** The account page and its actions: any signed-in user, temporary password or not. */
export async function requireSignedIn(): Promise<{ viewer: UserViewer; mustChangePassword: boolean }> {
  const signedIn = await currentSignIn();
  if (!signedIn) redirect(await signInAgain());
  return signedIn;
}
