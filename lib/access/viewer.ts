import type { Permission, Role } from "./roles";

/**
 * Who is looking: a signed-in dashboard user with a role, or a service key (scripts, the booking
 * system). Audit events name the viewer; masking and reveals depend on what it may do.
 */
export type Viewer =
  | { kind: "user"; id: string; email: string; name: string; role: Role /** the sign-in session */; signIn: string }
  /** a service key: `permissions` are the reads it was given (lib/auth/key-permissions.ts) */
  | { kind: "service"; id: string; name: string; role: "service"; permissions: readonly Permission[] }
  /** an end user opening their own resume link (the link is who they are) */
  | { kind: "customer"; id: string; name: string; role: "customer" };

export function viewerLabel(viewer: Viewer): string {
  if (viewer.kind === "user") return viewer.email;
  return viewer.kind === "service" ? `service key ${viewer.name}` : `customer via ${viewer.name}`;
}
