import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { can, isRole, type Permission } from "../access/roles";
import type { Viewer } from "../access/viewer";
import { getAuth } from "../auth/better-auth";
import { getStore } from "../db/prisma";

/** The signed-in dashboard user behind these request headers, or null (none, expired, disabled, no role). */
export async function viewerFromHeaders(requestHeaders: Headers): Promise<Extract<Viewer, { kind: "user" }> | null> {
  const auth = await getAuth(getStore());
  const session = await auth.api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { user } = session;
  if (user.banned || !isRole(user.role)) return null;
  return { kind: "user", id: user.id, email: user.email, name: user.name, role: user.role, signIn: session.session.id };
}

/** The viewer of the page or server action being rendered (one lookup per request). */
export const currentViewer = cache(async () => viewerFromHeaders(await headers()));

/**
 * Pages and server actions start here: no sign-in goes to the sign-in page, a role without
 * `permission` gets 403. The check runs before anything streams, so the status is real.
 */
export async function requireViewer(permission: Permission): Promise<Extract<Viewer, { kind: "user" }>> {
  const viewer = await currentViewer();
  if (!viewer) redirect("/sign-in");
  if (!can(viewer.role, permission)) forbidden();
  return viewer;
}
