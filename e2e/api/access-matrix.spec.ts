import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { replayGrantOf, routesOnDisk } from "../support/app-routes";
import { E2E_KEYS } from "../../playwright.config";
import { ACTION_RULES, type ActionRule } from "../../lib/access/action-rules";
import { ROUTE_RULES, type RouteRule } from "../../lib/access/route-rules";
import { can, ROLES, type Role } from "../../lib/access/roles";
import { cloudEvent, uniqueTag } from "../support/seed";
import { segmentMessage } from "../support/segment-message";
import { lisbonOfferViewed, seedUserSession } from "../support/seed-session";
import { actionProbes } from "../support/action-probes";
import { builtActions, callAction, form } from "../support/server-action";
import { signedInAs } from "../support/signed-in";
import { startWhatIfJob } from "../support/what-if-job";
import { ANALYTICS_SAMPLES } from "../support/analytics-samples";

test("every page and API route has an access rule", () => {
  const missing = routesOnDisk().filter((route) => !(route in ROUTE_RULES));
  expect(missing, "routes without a rule in lib/access/route-rules.ts").toEqual([]);
  const stale = Object.keys(ROUTE_RULES).filter((route) => !routesOnDisk().includes(route));
  expect(stale, "rules for routes that no longer exist").toEqual([]);
});

type Caller = "anonymous" | Role | "service key" | "producer key";
const CALLERS: Caller[] = ["anonymous", ...ROLES, "service key", "producer key"];
type Method = "GET" | "POST" | "DELETE";

function expectedStatus(rule: RouteRule, method: Method, caller: Caller): number | "redirect-to-sign-in" | "redirect-home" | "ok" | "allowed" {
  // Open to anyone: never refused, never sent to sign-in (an invalid resume token is still a 404).
  if (rule.kind === "public") return "allowed";
  const role = ROLES.includes(caller as Role) ? (caller as Role) : null;
  if (rule.kind === "page") {
    // Pages know only the dashboard's cookie: a bearer key is nobody there.
    if (!role) return "redirect-to-sign-in";
    if (rule.permission === "signed-in") return rule.redirects ? "redirect-home" : 200;
    return can(role, rule.permission) ? 200 : 403;
  }
  // The dashboard's own background reads know only its cookie: a key is nobody there.
  if (rule.kind === "dashboard-read") {
    if (!role) return 401;
    return can(role, rule.permission) ? 200 : 403;
  }
  if (method === "POST" && rule.append) {
    if (caller === "producer key") return 200;
    return caller === "service key" ? 403 : 401;
  }
  // Creating and revoking: a service key, or a role with the permission ("allowed": past the gate,
  // whatever the handler then answers, e.g. 404 for a link that does not exist).
  const needed = method === "POST" ? rule.create! : method === "DELETE" ? rule.revoke! : rule.read!;
  if (method !== "GET") {
    if (caller === "service key") return "allowed";
    if (caller === "producer key") return 403;
    if (!role) return 401;
    return can(role, needed) ? "allowed" : 403;
  }
  if (caller === "service key") return 200;
  if (caller === "producer key") return 403;
  if (!role) return 401;
  return can(role, needed) ? 200 : 403;
}

test("each role and key kind gets exactly what the matrix says, on every route", async ({ request, baseURL }) => {
  test.setTimeout(90_000);
  // A customer with an unfinished booking, so the resume routes have something to answer.
  const seeded = await seedUserSession(request, (user, tag) => [lisbonOfferViewed(user, tag, { correlationid: `FL-${tag}` })]);
  const flow = `FL-${seeded.tag}`;
  const samples: Record<string, string> = {
    "/api/auth/[...all]": "/api/auth/get-session",
    "/users": "/users?query=usr-",
    "/api/users": "/api/users?query=usr-",
    "/resume/[token]": "/resume/not.valid-token",
    "/resume/continue": "/resume/continue?token=not.valid-token",
    "/api/resume-links/[linkId]": "/api/resume-links/rl_does-not-exist",
    "/flows/[correlationId]": `/flows/${encodeURIComponent(flow)}`,
    "/admin/erasure/export": `/admin/erasure/export?user=${encodeURIComponent(seeded.user)}`,
    ...ANALYTICS_SAMPLES,
    "/api/journeys/[name]": "/api/journeys/holiday-booking",
    "/api/journeys/what-if/[id]": `/api/journeys/what-if/${await startWhatIfJob(request)}`, // a what-if job to read and cancel
  };
  const postSamples: Record<string, string> = { "/api/auth/[...all]": "/api/auth/sign-in/email" };
  // The dashboard's own reads take their cursor; the replay's, the grant of the caller's page load too.
  const queries: Record<string, (grant: string) => string> = {
    "/api/replay/[sessionId]/block": (grant) => `?block=0&grant=${grant}`,
    "/api/replay/[sessionId]/tail": (grant) => `?from=0&grant=${grant}`,
    "/api/replay/[sessionId]/events": (grant) => `?from=0&grant=${grant}`,
    "/api/explorer/newer": () => "?after=0",
    "/api/explorer/older": () => "?before=1",
  };
  const url = (route: string, grant = "") =>
    samples[route] ??
    route
      .replace("[userId]", encodeURIComponent(seeded.user))
      .replace("[sessionId]", encodeURIComponent(seeded.sessionId))
      .replace("[stream]", encodeURIComponent(seeded.stream))
      .replace("[format]", "json")
      .replace("[report]", "funnel") + (queries[route]?.(grant) ?? "");

  const clients = new Map<Caller, { client: APIRequestContext; headers: Record<string, string>; grant: string }>();
  for (const caller of CALLERS) {
    const role = ROLES.includes(caller as Role) ? (caller as Role) : null;
    const client = role ? await signedInAs(role, baseURL!) : request;
    clients.set(caller, {
      client,
      headers:
        caller === "service key"
          ? { Authorization: `Bearer ${E2E_KEYS.api}` }
          : caller === "producer key"
            ? { Authorization: `Bearer ${E2E_KEYS.ingest}` }
            : {},
      grant: role ? await replayGrantOf(client, seeded.sessionId) : "",
    });
  }

  const mismatches: string[] = [];
  for (const [route, rule] of Object.entries(ROUTE_RULES)) {
    const methods: Method[] =
      rule.kind === "public"
        ? [...rule.methods]
        : rule.kind === "page" || rule.kind === "dashboard-read"
          ? ["GET"]
          : [...(rule.read ? ["GET" as const] : []), ...(rule.append || rule.create ? ["POST" as const] : []), ...(rule.revoke ? ["DELETE" as const] : [])];
    for (const method of methods) {
      for (const caller of CALLERS) {
        const { client, headers, grant } = clients.get(caller)!;
        const expected = expectedStatus(rule, method, caller);
        const response =
          method === "GET"
            ? await client.get(url(route, grant), { headers, maxRedirects: 0 })
            : method === "DELETE"
              ? await client.delete(url(route), { headers, maxRedirects: 0 })
              : rule.kind === "public"
                ? // A malformed sign-in from an address of its own: past every gate, refused by the route itself.
                  await client.post(postSamples[route] ?? url(route), {
                    headers: { ...headers, origin: baseURL!, "x-forwarded-for": `198.18.200.${CALLERS.indexOf(caller) + 1}` },
                    data: {},
                    maxRedirects: 0,
                  })
                : rule.kind === "api" && rule.create
                  ? await client.post(url(route), { headers, data: { userId: seeded.user }, maxRedirects: 0 })
                  : route.startsWith("/v1/")
                    ? await client.post(url(route), {
                        headers: { ...headers, "content-type": "application/json" },
                        data: segmentMessage(route),
                        maxRedirects: 0,
                      })
                    : await client.post(url(route), {
                        headers: { ...headers, "content-type": "application/cloudevents+json" },
                        data: JSON.stringify(cloudEvent({ id: uniqueTag("matrix") })),
                        maxRedirects: 0,
                      });
        const status = response.status();
        const location = response.headers().location ?? "";
        const ok =
          expected === "ok"
            ? status < 400
            : expected === "allowed"
              ? status !== 401 && status !== 403 && status < 500 && !location.includes("/sign-in")
              : expected === "redirect-to-sign-in"
                ? status === 307 && location.includes("/sign-in")
                : expected === "redirect-home"
                  ? status === 307 && !location.includes("/sign-in")
                  : status === expected;
        if (!ok) mismatches.push(`${method} ${route} as ${caller}: expected ${expected}, got ${status} ${location}`);
      }
    }
  }
  expect(mismatches).toEqual([]);
});

// Server actions: every one the build has, called over HTTP as every role and key kind.
test("every server action of the build has an access rule", () => {
  const built = [...builtActions().keys()];
  expect(
    built.filter((a) => !(a in ACTION_RULES)),
    "actions without a rule in lib/access/action-rules.ts",
  ).toEqual([]);
  expect(
    Object.keys(ACTION_RULES).filter((a) => !built.includes(a)),
    "rules for actions the build does not have",
  ).toEqual([]);
});

/** An admin still holding the temporary password they were invited with: only their account is open. */
const TEMPORARY = "admin with a temporary password" as const;
type ActionCaller = Caller | typeof TEMPORARY;

/** Signed out, or a key (an action knows only the dashboard's cookie): sent to sign-in, never run. */
function expectedOfAction(rule: ActionRule, caller: ActionCaller): "redirect-to-sign-in" | "redirect-to-account" | "allowed" | 403 {
  if (caller === TEMPORARY) return rule === "signed-in" ? "allowed" : "redirect-to-account";
  const role = ROLES.includes(caller as Role) ? (caller as Role) : null;
  if (!role) return "redirect-to-sign-in";
  return rule === "signed-in" || can(role, rule) ? "allowed" : 403;
}

test("each role and key kind gets exactly what the rules say, on every server action", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const seeded = await seedUserSession(request);
  const built = builtActions();
  const pageOf = (route: string) => route.replace("[sessionId]", encodeURIComponent(seeded.sessionId)).replace("[userId]", encodeURIComponent(seeded.user));
  const clients = new Map<ActionCaller, { client: APIRequestContext; headers: Record<string, string> }>();
  for (const caller of CALLERS) {
    const role = ROLES.includes(caller as Role) ? (caller as Role) : null;
    const client = role ? await signedInAs(role, baseURL!) : request;
    clients.set(caller, {
      client,
      headers:
        caller === "service key"
          ? { Authorization: `Bearer ${E2E_KEYS.api}` }
          : caller === "producer key"
            ? { Authorization: `Bearer ${E2E_KEYS.ingest}` }
            : {},
    });
  }
  // Invited as an admin (every permission), signed in with the temporary password, not yet changed.
  const invite = built.get("lib/actions/admin.ts#inviteUser")!;
  const email = `${uniqueTag("temporary")}@e2e.test`;
  const invited = await callAction(clients.get("admin")!.client, baseURL!, invite.route, invite.id, [null, form({ email, name: "Temporary", role: "admin" })]);
  const temporary = await playwrightRequest.newContext({ baseURL });
  const signIn = await temporary.post("/api/auth/sign-in/email", {
    headers: { origin: baseURL!, "x-forwarded-for": "198.18.201.1" },
    data: { email, password: (invited.result as { secret: string }).secret },
  });
  expect(signIn.status()).toBe(200);
  clients.set(TEMPORARY, { client: temporary, headers: {} });

  const probes = actionProbes();
  const unprobed = Object.keys(ACTION_RULES).filter((a) => !(a in probes));
  expect(unprobed, "actions this test has no harmless arguments for").toEqual([]);

  const mismatches: string[] = [];
  for (const [action, rule] of Object.entries(ACTION_RULES)) {
    for (const caller of [...CALLERS, TEMPORARY] as ActionCaller[]) {
      const { client, headers } = clients.get(caller)!;
      const expected = expectedOfAction(rule, caller);
      const { id, route } = built.get(action)!;
      const { status, redirect } = await callAction(client, baseURL!, pageOf(route), id, probes[action]!(), headers);
      const toSignIn = redirect?.startsWith("/sign-in") ?? false;
      const ok =
        expected === "allowed"
          ? status === 200 && !toSignIn
          : expected === 403
            ? status === 403
            : expected === "redirect-to-account"
              ? status === 200 && (redirect?.startsWith("/account") ?? false)
              : status === 200 && toSignIn;
      if (!ok) mismatches.push(`${action} as ${caller}: expected ${expected}, got ${status} ${redirect ?? ""}`);
    }
  }
  expect(mismatches).toEqual([]);
});
