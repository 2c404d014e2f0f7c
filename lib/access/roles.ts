/**
 * Who may do what in the dashboard. The matrix is the single source of truth: pages, server
 * actions and API routes ask `can(role, permission)`, the README prints it, and the route test
 * (e2e/api/access-matrix.spec.ts) checks every route against it.
 */
export const ROLES = ["agent", "analyst", "auditor", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "users.find": "find customers and list their sessions",
  "sessions.replay": "replay a session (personal data masked)",
  "sessions.export": "export or print a session as evidence (masked)",
  "personal-data.reveal": "reveal a masked field or a session, giving a reason",
  "resume-links.create": "create resume links for a customer",
  "notes.write": "write notes on a moment of a replay; edit or delete your own",
  "segments.save": "save, edit and delete the team's segments (saved searches of sessions)",
  "alerts.manage": "alert rules on a stalled journey, their webhooks and deliveries",
  "events.explore": "the events explorer, streams, business flows and the store's integrity",
  "access-log.view": "the access log",
  "analytics.view": "journey analytics",
  "admin.manage": "dashboard users and roles, API keys, the personal-data policy",
  "metrics.read": "the Prometheus metrics (GET /api/metrics): counts, latencies, lag; nothing personal",
} as const;
export type Permission = keyof typeof PERMISSIONS;

const MATRIX: Record<Role, readonly Permission[]> = {
  agent: ["users.find", "sessions.replay", "sessions.export", "personal-data.reveal", "resume-links.create", "notes.write", "segments.save"],
  analyst: ["analytics.view", "sessions.replay", "segments.save"],
  auditor: ["events.explore", "access-log.view", "sessions.replay", "sessions.export", "users.find", "personal-data.reveal"],
  admin: Object.keys(PERMISSIONS) as Permission[],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return !!role && MATRIX[role].includes(permission);
}

export function permissionsOf(role: Role): readonly Permission[] {
  return MATRIX[role];
}

/** Where a role lands after signing in: its first page in the order of the navigation. */
export function landingPage(role: Role): string {
  if (can(role, "users.find")) return "/users";
  if (can(role, "events.explore")) return "/events";
  if (can(role, "analytics.view")) return "/analytics";
  return "/users";
}
