import "server-only";
import { can, PERMISSIONS, type Permission } from "../access/roles";
import type { Viewer } from "../access/viewer";
import { ApiError } from "../http/errors";
import { identifyCaller, type Caller } from "../auth/api-keys";
import { firstOutOfScope } from "../auth/key-scope";
import { isScrapeToken } from "../auth/scrape-token";
import type { KeyKind } from "../auth/key-material";
import { getStore } from "../db/prisma";
import { checkReplayView } from "./reveal";
import { ACCOUNT_PAGE, signedInFromHeaders } from "./viewer";

type UserViewer = Extract<Viewer, { kind: "user" }>;

/**
 * Producer keys append and nothing else, service keys read and never append. A missing or
 * unknown key is 401; a key of the wrong kind is 403.
 */
export async function requireKey(request: Request, kind: KeyKind): Promise<Caller> {
  const caller = await identifyCaller(getStore(), request.headers.get("authorization"));
  if (!caller) {
    throw new ApiError("unauthorized", "a valid API key is required: send Authorization: Bearer <key>");
  }
  if (caller.kind !== kind) {
    throw new ApiError("forbidden", kind === "producer" ? "this key may read but not append; use a producer key" : "a producer key may only append", {
      keyKind: caller.kind,
      required: kind,
    });
  }
  return caller;
}

/**
 * A producer key appends its own source's events, of its own types (when it names them); one
 * stranger refuses the whole request, naming the event and the attribute.
 */
export function requireKeyScope(caller: Caller, events: readonly { id: string; source: string; type: string }[]): void {
  const refusal = firstOutOfScope(caller, events);
  if (refusal) {
    const { message, index, id, attribute, value, allowed } = refusal;
    throw new ApiError("forbidden", message, { index, id, attribute, [attribute]: value, allowed });
  }
}

/**
 * A read API answers a service key, or a signed-in dashboard user whose role has `permission`
 * (the dashboard's own cookie). Personal data is masked for both.
 */
export async function requireServiceOrRole(request: Request, permission: Permission): Promise<Viewer> {
  if (request.headers.get("authorization")) {
    const caller = await requireKey(request, "service");
    if (!(caller.permissions as readonly Permission[]).includes(permission)) {
      throw new ApiError("forbidden", `this service key may not ${PERMISSIONS[permission]}: it was given ${caller.permissions.join(", ") || "no reads"}`, {
        required: permission,
        held: caller.permissions,
      });
    }
    return { kind: "service", id: caller.keyId, name: caller.name, role: "service", permissions: caller.permissions };
  }
  return requireRole(request, permission, "sign in, or send Authorization: Bearer <service key>");
}

/**
 * GET /api/metrics: the scrape token (REWIND_METRICS_TOKEN), a service key with metrics.read, or a
 * signed-in role with it. Nothing sent is 401; a bearer token that is neither the scrape token nor a
 * known key is 403 (a scraper with a wrong token is configured, not anonymous), as is a producer key.
 */
export async function requireMetricsReader(request: Request, env: Record<string, string | undefined> = process.env): Promise<void> {
  const authorization = request.headers.get("authorization");
  if (isScrapeToken(authorization, env.REWIND_METRICS_TOKEN)) return;
  if (authorization && !(await identifyCaller(getStore(), authorization, env))) {
    throw new ApiError("forbidden", "this is neither the scrape token (REWIND_METRICS_TOKEN) nor a service key with metrics.read");
  }
  await requireServiceOrRole(request, "metrics.read").catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "unauthorized") {
      const how = "send Authorization: Bearer <the scrape token REWIND_METRICS_TOKEN, or a service key with metrics.read>, or sign in as an admin";
      throw new ApiError("unauthorized", how);
    }
    throw error;
  });
}

/**
 * A read the dashboard's own pages make in the background (the player's blocks, the explorer's
 * tail): not part of the HTTP API, so it answers the dashboard's cookie only and a key is nobody
 * here (401), as it is to a page or a server action. Refusing a key also keeps these reads under
 * proxy.ts's check on cookie reads from another site, which lets a request with a key through.
 */
export async function requireDashboardRole(request: Request, permission: Permission): Promise<UserViewer> {
  const signIn = "this read is the dashboard's own: sign in to the dashboard (it takes no key)";
  if (request.headers.get("authorization")) throw new ApiError("unauthorized", signIn);
  return requireRole(request, permission, signIn);
}

/**
 * The replay's background reads (its blocks, the live tail, the whole-session fold), past
 * requireDashboardRole(request, "sessions.replay"): each needs the grant its page load issued (that
 * load was the audited view), and is masked unless the grant is a reveal's.
 */
export async function requireReplayView(viewer: UserViewer, sessionId: string, grant: string): Promise<{ revealed: boolean }> {
  const view = await checkReplayView(viewer, sessionId, grant);
  if (!view) throw new ApiError("forbidden", "this view of the session has ended: open the session again", { session: sessionId });
  return view;
}

async function requireRole(request: Request, permission: Permission, signedOut: string): Promise<UserViewer> {
  const signedIn = await signedInFromHeaders(request.headers);
  if (!signedIn) throw new ApiError("unauthorized", signedOut);
  if (signedIn.mustChangePassword) throw new ApiError("forbidden", `change your temporary password first (${ACCOUNT_PAGE})`);
  const { viewer } = signedIn;
  if (!can(viewer.role, permission)) {
    throw new ApiError("forbidden", `the ${viewer.role} role may not ${permission}`, { role: viewer.role, required: permission });
  }
  return viewer;
}

/**
 * Someone Rewind knows (a valid key, or a dashboard sign-in), before a read waits on `?minPosition=`:
 * an anonymous caller must not be able to make the server wait and poll (the route's own rule
 * still decides what this caller may read).
 */
export async function requireKnownCaller(request: Request): Promise<void> {
  if (request.headers.get("authorization")) {
    if (!(await identifyCaller(getStore(), request.headers.get("authorization")))) {
      throw new ApiError("unauthorized", "a valid API key is required: send Authorization: Bearer <key>");
    }
    return;
  }
  if (!(await signedInFromHeaders(request.headers))) throw new ApiError("unauthorized", "minPosition: sign in, or send Authorization: Bearer <service key>");
}
