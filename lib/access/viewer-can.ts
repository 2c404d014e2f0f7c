import type { Viewer } from "./viewer";
import { can, type Permission } from "./roles";

/**
 * What a viewer may do, for code that serves more than one kind of caller (an API answering both a
 * service key and the dashboard's cookie): a dashboard user by their role's permissions; a service
 * key by the read permissions it was given; an end user on their resume link by nothing here.
 */
export function viewerCan(viewer: Viewer, permission: Permission): boolean {
  if (viewer.kind === "user") return can(viewer.role, permission);
  if (viewer.kind === "service") return viewer.permissions.includes(permission);
  return false;
}
