import { z } from "zod";
import { PERMISSIONS, type Permission } from "../access/roles";

/**
 * The reads a service key may be given: what the HTTP API answers. Not the dashboard's own powers
 * (revealing personal data, resume links, administration), which only a signed-in person holds.
 */
export const SERVICE_PERMISSIONS = [
  "users.find",
  "sessions.replay",
  "sessions.export",
  "events.explore",
  "analytics.view",
  "access-log.view",
  "resume-links.create",
  "metrics.read",
] as const satisfies readonly Permission[];
export type ServicePermission = (typeof SERVICE_PERMISSIONS)[number];

const isServicePermission = (p: string): p is ServicePermission => (SERVICE_PERMISSIONS as readonly string[]).includes(p);

/**
 * What a key made without permissions holds: everything a service key could do before keys had
 * permissions (every API, resume links, what-if jobs), so no script that worked stops on upgrade.
 * A key given permissions holds only those, and never administration.
 */
export const EVERY_KEY_PERMISSION: readonly Permission[] = [...SERVICE_PERMISSIONS, "admin.manage"];

/** A service key's permissions as stored: a JSON array, or null for a key made without any (EVERY_KEY_PERMISSION). */
export function readStoredKeyPermissions(stored: string | null): readonly Permission[] {
  if (stored === null) return EVERY_KEY_PERMISSION;
  return z.array(z.enum(SERVICE_PERMISSIONS)).parse(JSON.parse(stored));
}

/** Permissions as typed (CLI, admin form): comma-separated; empty means every API, as keys made before. Names the one it refuses. */
export const typedKeyPermissionsSchema = z
  .string()
  .max(1_000)
  .transform((typed, ctx): ServicePermission[] | null => {
    const list = [
      ...new Set(
        typed
          .split(",")
          .map((p) => p.trim())
          .filter((p) => p.length > 0),
      ),
    ];
    const bad = list.find((p) => !isServicePermission(p));
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", message: `"${bad.slice(0, 60)}" is not a permission a service key may hold (${SERVICE_PERMISSIONS.join(", ")})` });
      return z.NEVER;
    }
    return list.length === 0 ? null : (list as ServicePermission[]);
  });

/** What a permission lets a key do, in words (the roles matrix's own wording). */
export const permissionWords = (p: Permission) => PERMISSIONS[p];
