import type { oas31 } from "zod-openapi";
import { ROLES, can } from "../access/roles";
import type { RouteRule } from "../access/route-rules";
import type { HttpMethod } from "./api-operation";

/** The three ways in: two kinds of key (both bearer tokens) and the dashboard's sign-in cookie. */
export const SECURITY_SCHEMES: Record<string, oas31.SecuritySchemeObject> = {
  producerKey: {
    type: "http",
    scheme: "bearer",
    description: "A producer key (created at /admin/keys): appends events of its own source, and nothing else.",
  },
  producerKeyBasic: {
    type: "http",
    scheme: "basic",
    description: "A producer key as the HTTP Basic user name with an empty password, as Segment's server libraries send their write key.",
  },
  serviceKey: {
    type: "http",
    scheme: "bearer",
    description: "A service key (created at /admin/keys): reads every API, personal data masked; never appends.",
  },
  metricsToken: {
    type: "http",
    scheme: "bearer",
    description: "The scrape token REWIND_METRICS_TOKEN (a setting, not a key in the store): GET /api/metrics only.",
  },
  dashboardSession: {
    type: "apiKey",
    in: "cookie",
    name: "better-auth.session_token",
    description: "The dashboard's own sign-in (POST /api/auth/sign-in/email), by role; over HTTPS the cookie is named __Secure-better-auth.session_token.",
  },
};

export interface OperationAccess {
  security: oas31.SecurityRequirementObject[];
  /** in words, for the operation's description */
  who: string;
}

function rolesWith(permission: Parameters<typeof can>[1]): string {
  return ROLES.filter((role) => can(role, permission)).join(", ");
}

/**
 * Who may call an operation, read from the route's access rule (the table the access matrix test
 * holds every route to): the document says exactly what the server enforces.
 */
export function accessOf(rule: RouteRule, method: HttpMethod, keyAs?: "basic"): OperationAccess {
  if (rule.kind === "public") return { security: [], who: "Open: no key or sign-in." };
  if (rule.kind === "page") throw new Error("a page is not an API operation");
  if (rule.kind === "dashboard-read") {
    return {
      security: [{ dashboardSession: [] }],
      who: `The dashboard's own read (not for integrations; a key is refused with 401): signed-in roles ${rolesWith(rule.permission)}.`,
    };
  }
  if (method === "POST" && rule.append) {
    return keyAs === "basic"
      ? { security: [{ producerKeyBasic: [] }], who: "A producer key, as the HTTP Basic user name." }
      : { security: [{ producerKey: [] }], who: "A producer key." };
  }
  const permission = method === "POST" ? rule.create : method === "DELETE" ? rule.revoke : rule.read;
  if (!permission) throw new Error(`the access rule grants no ${method}`);
  if (method === "GET" && rule.scrapeToken) {
    return {
      security: [{ metricsToken: [] }, { serviceKey: [] }, { dashboardSession: [] }],
      who: `The scrape token (REWIND_METRICS_TOKEN), a service key with ${permission}, or the sign-in of a role with it (${rolesWith(permission)}).`,
    };
  }
  return {
    security: [{ serviceKey: [] }, { dashboardSession: [] }],
    who: `A service key, or the dashboard's sign-in with a role that has ${permission} (${rolesWith(permission)}).`,
  };
}
