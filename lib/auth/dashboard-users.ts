import type { Role } from "../access/roles";
import type { Store } from "../db/prisma";
import { getAuth } from "./better-auth";

export interface NewDashboardUser {
  email: string;
  password: string;
  name: string;
  role: Role;
}

/** Creates a dashboard user with a password (admins invite; there is no public sign-up). */
export async function createDashboardUser(store: Store, user: NewDashboardUser) {
  const auth = await getAuth(store);
  const { user: created } = await auth.api.createUser({
    body: { email: user.email.trim().toLowerCase(), password: user.password, name: user.name, role: user.role },
  });
  return created;
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
