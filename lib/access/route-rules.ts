import type { Permission } from "./roles";

/**
 * Every page and API route, and who may use it. The route test (e2e/api/access-matrix.spec.ts)
 * reads the app directory and fails when a route has no rule here, then checks each rule against
 * the running server for every role and key kind. Handlers enforce these themselves (pages and
 * actions with requireViewer, APIs with requireServiceOrRole/requireKey, the dashboard's own reads
 * with requireDashboardRole); this table is what they are held to, and what the README's matrix
 * is written from.
 */
export type RouteRule =
  /** open to anyone */
  | { kind: "public"; methods: readonly ("GET" | "POST")[] }
  /** a dashboard page: sign-in required, then the permission */
  | { kind: "page"; permission: Permission | "signed-in" /** it only sends each role on (the home page) */; redirects?: true }
  /**
   * An HTTP API: GET for a service key or a signed-in role with `read`; POST for a producer key
   * (`append`), or for a service key or a role with `create`; DELETE likewise with `revoke`.
   */
  | {
      kind: "api";
      read?: Permission;
      append?: true;
      create?: Permission;
      revoke?: Permission;
      /** GET also takes REWIND_METRICS_TOKEN as the bearer token (a Prometheus scrape needs no key in the store) */
      scrapeToken?: true;
    }
  /**
   * A read the dashboard's own pages make in the background (GET): the dashboard's sign-in only
   * (a key is nobody there: 401, as to a page), then the permission. Not part of the HTTP API.
   */
  | { kind: "dashboard-read"; permission: Permission };

export const ROUTE_RULES: Record<string, RouteRule> = {
  "/": { kind: "page", permission: "signed-in", redirects: true },
  "/sign-in": { kind: "public", methods: ["GET"] },
  "/account": { kind: "page", permission: "signed-in" },
  "/users": { kind: "page", permission: "users.find" },
  "/users/[userId]": { kind: "page", permission: "users.find" },
  "/sessions": { kind: "page", permission: "sessions.replay" },
  "/sessions/[sessionId]": { kind: "page", permission: "sessions.replay" },
  "/segments": { kind: "page", permission: "sessions.replay" },
  "/sessions/[sessionId]/print": { kind: "page", permission: "sessions.export" },
  "/sessions/[sessionId]/export/[format]": { kind: "api", read: "sessions.export" },
  "/events": { kind: "page", permission: "events.explore" },
  "/flows/[correlationId]": { kind: "page", permission: "events.explore" },
  "/integrity": { kind: "page", permission: "events.explore" },
  "/api/integrity": { kind: "api", read: "events.explore" },
  "/api/integrity/verify": { kind: "api", read: "events.explore" },
  "/analytics": { kind: "page", permission: "analytics.view" },
  "/analytics/funnel": { kind: "page", permission: "analytics.view" },
  "/analytics/destinations": { kind: "page", permission: "analytics.view" },
  "/analytics/paths": { kind: "page", permission: "analytics.view" },
  "/analytics/export/[report]": { kind: "api", read: "analytics.view" },
  "/analytics/popularity": { kind: "page", permission: "analytics.view" },
  "/analytics/after-drop-off": { kind: "page", permission: "analytics.view" },
  "/api/analytics/funnel": { kind: "api", read: "analytics.view" },
  "/api/analytics/popularity": { kind: "api", read: "analytics.view" },
  "/api/analytics/overview": { kind: "api", read: "analytics.view" },
  "/api/analytics/after-drop-off": { kind: "api", read: "analytics.view" },
  "/access-log": { kind: "page", permission: "access-log.view" },
  "/access-log/export": { kind: "dashboard-read", permission: "access-log.view" },
  "/admin/users": { kind: "page", permission: "admin.manage" },
  "/admin/keys": { kind: "page", permission: "admin.manage" },
  "/admin/policy": { kind: "page", permission: "admin.manage" },
  "/admin/dead-letters": { kind: "page", permission: "admin.manage" },
  "/admin/journeys": { kind: "page", permission: "admin.manage" },
  "/admin/retention": { kind: "page", permission: "admin.manage" },
  "/admin/alerts": { kind: "page", permission: "alerts.manage" },
  // Subject access and the ingestion block list (issue 17); the export is a download, unmasked, on record.
  "/admin/subject-access": { kind: "page", permission: "admin.manage" },
  "/admin/erasure": { kind: "page", permission: "admin.manage" },
  "/admin/erasure/export": { kind: "dashboard-read", permission: "admin.manage" },
  "/api/auth/[...all]": { kind: "public", methods: ["GET", "POST"] },
  "/api/health": { kind: "public", methods: ["GET"] },
  "/api/openapi.json": { kind: "public", methods: ["GET"] },
  // Prometheus: a service key with metrics.read, an admin's sign-in, or the scrape token (docs/deploy.md).
  "/api/metrics": { kind: "api", read: "metrics.read", scrapeToken: true },
  "/api/events": { kind: "api", read: "events.explore", append: true },
  "/api/streams/[stream]": { kind: "api", read: "events.explore" },
  "/api/users": { kind: "api", read: "users.find" },
  "/api/users/[userId]/sessions": { kind: "api", read: "users.find" },
  "/api/sessions": { kind: "api", read: "sessions.replay" },
  "/api/sessions/[sessionId]": { kind: "api", read: "sessions.replay" },
  // Notes are free text that may name the customer: for those who may find customers (issue 16).
  "/api/sessions/[sessionId]/notes": { kind: "api", read: "users.find" },
  "/api/users/[userId]/resume": { kind: "api", read: "users.find" },
  "/api/journeys": { kind: "api", read: "analytics.view" },
  "/api/journeys/[name]": { kind: "api", read: "analytics.view" },
  "/api/journeys/what-if": { kind: "api", create: "admin.manage" },
  "/api/journeys/what-if/[id]": { kind: "api", read: "admin.manage", revoke: "admin.manage" },
  "/api/resume-links": { kind: "api", create: "resume-links.create" },
  "/api/resume-links/[linkId]": { kind: "api", revoke: "resume-links.create" },
  "/api/replay/[sessionId]/block": { kind: "dashboard-read", permission: "sessions.replay" },
  "/api/replay/[sessionId]/tail": { kind: "dashboard-read", permission: "sessions.replay" },
  "/api/replay/[sessionId]/events": { kind: "dashboard-read", permission: "sessions.replay" },
  "/api/explorer/newer": { kind: "dashboard-read", permission: "events.explore" },
  "/api/explorer/older": { kind: "dashboard-read", permission: "events.explore" },
  "/resume/[token]": { kind: "public", methods: ["GET"] },
  // The demo's Continue (REWIND_RESUME_URL_TEMPLATE pointed here): the link's token is the key, as above.
  "/resume/continue": { kind: "public", methods: ["GET"] },
  // Segment's tracking API: a producer key as the Basic user name (docs/events.md).
  "/v1/batch": { kind: "api", append: true },
  "/v1/track": { kind: "api", append: true },
  "/v1/identify": { kind: "api", append: true },
  "/v1/page": { kind: "api", append: true },
  "/v1/screen": { kind: "api", append: true },
  "/v1/alias": { kind: "api", append: true },
  "/v1/group": { kind: "api", append: true },
};

/** The route a file under app/ serves: route groups dropped, page.tsx / route.ts removed. */
export function routeOfFile(file: string): string {
  const parts = file
    .replace(/\\/g, "/")
    .replace(/^app\//, "")
    .split("/")
    .slice(0, -1)
    .filter((p) => !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}
