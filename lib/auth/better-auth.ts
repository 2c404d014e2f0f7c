import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, userAc } from "better-auth/plugins/admin/access";
import { createAuthMiddleware, APIError, isAPIError } from "better-auth/api";
import { TokenBuckets } from "../rate-limit/token-buckets";
import { positiveFromEnv } from "../config/env-number";
import { logLine } from "../privacy/log";
import type { Store } from "../db/prisma";
import { serverSecret } from "./server-secret";
import { type CookieRequest, usesSecureCookies } from "./secure-cookies";

/**
 * Dashboard sign-in through Better Auth: email and password (scrypt-hashed by the library),
 * sessions as database rows behind an httpOnly, SameSite=Lax cookie, sign-up closed (admins
 * invite), sign-in rate limited per client address. Roles are the admin plugin's `role` field;
 * what a role may do is ours (lib/access/roles.ts), the plugin only manages users.
 */
const accessControl = createAccessControl(defaultStatements);

function accountOf(body: unknown): string {
  return String((body as { email?: unknown } | undefined)?.email ?? "")
    .trim()
    .toLowerCase();
}

export const SESSION_HOURS = 12;

type Env = Record<string, string | undefined>;

/** Per account as well as per client address: an address header can be forged, an account cannot. */
export function accountBuckets(env: Env = process.env): TokenBuckets {
  const attemptsPerMinute = positiveFromEnv(env, "REWIND_SIGN_IN_ATTEMPTS_PER_MINUTE", 10, { integer: true });
  return new TokenBuckets({ ratePerSecond: attemptsPerMinute / 60, burst: attemptsPerMinute });
}

/**
 * `secureCookies` is fixed per instance (Better Auth decides it once, at creation), so the server
 * holds one instance of each kind and picks per request (see getAuth). Both share `perAccount`, and
 * Better Auth's memory rate limiter is one per process, so switching scheme buys no extra attempts.
 */
export async function createAuth(
  store: Store,
  env: Env = process.env,
  { secureCookies = false, perAccount = accountBuckets(env) }: { secureCookies?: boolean; perAccount?: TokenBuckets } = {},
) {
  const secret = await serverSecret(store, "auth", env.REWIND_AUTH_SECRET);
  // Higher per address than per account: colleagues behind one office address all sign in.
  const attemptsPerAddress = positiveFromEnv(env, "REWIND_SIGN_IN_ATTEMPTS_PER_ADDRESS_PER_MINUTE", 30, { integer: true });
  return betterAuth({
    appName: "Rewind",
    secret,
    // Unset: taken from each request, so the same build serves any host and port.
    // (The fallback only serves server-side calls with no request, such as creating a user.)
    baseURL: env.REWIND_PUBLIC_URL || { allowedHosts: ["*"], protocol: "auto", fallback: `http://localhost:${env.PORT ?? 3000}` },
    // Same-origin only: a state-changing request must come from a page of the host it was sent to
    // (whatever name or port this server is reached by), so another site's form is refused.
    trustedOrigins: (request) => {
      const host = request?.headers.get("host");
      return host ? [`http://${host}`, `https://${host}`] : [];
    },
    database: prismaAdapter(store.db, { provider: store.target.provider }),
    user: {
      modelName: "dashboardUser",
      // Set by Rewind (invite, reset), never by a sign-in request.
      additionalFields: { mustChangePassword: { type: "boolean", defaultValue: false, input: false } },
    },
    session: { modelName: "authSession", expiresIn: SESSION_HOURS * 3600, updateAge: 3600 },
    account: { modelName: "authAccount" },
    verification: { modelName: "authVerification" },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 200 },
    rateLimit: {
      enabled: true,
      storage: "memory",
      window: 60,
      max: 600,
      customRules: {
        "/sign-in/email": { window: 60, max: attemptsPerAddress },
      },
    },
    // scripts/server.ts replaces X-Forwarded-For with the client's real address (see lib/net).
    // Secure cookies follow the scheme served, not NODE_ENV: lib/auth/secure-cookies.ts.
    advanced: { ipAddress: { ipAddressHeaders: ["x-forwarded-for"] }, useSecureCookies: secureCookies },
    // Failed attempts count against the account; a successful sign-in costs nothing. The token is
    // taken before the password is checked and given back on success: checking first and counting
    // after let 21 of 25 parallel wrong passwords through a limit of 10.
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const decision = perAccount.take(accountOf(ctx.body), 1, Date.now());
        if (!decision.allowed) {
          throw new APIError("TOO_MANY_REQUESTS", { message: `too many failed sign-ins for this account; retry in ${decision.retryAfterSeconds} s` });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || ctx.context.returned instanceof APIError) return;
        perAccount.giveBack(accountOf(ctx.body), 1, Date.now());
      }),
    },
    // Better Auth's own messages go through the same masking as every other log line.
    logger: { level: "warn", log: (level, message) => logLine(level, message) },
    // Left to itself Better Auth prints each refused call (a wrong password, a sign-in limit) with its
    // own console logger, not the one above: here instead, masked and as JSON like every line. An
    // unexpected error is named by its kind only (its message may quote what was sent).
    onAPIError: {
      onError: (error) => {
        if (isAPIError(error) && error.status !== "INTERNAL_SERVER_ERROR") logLine("warn", `auth refused (${error.status}): ${error.message}`);
        else logLine("error", `auth failed: ${error instanceof Error ? error.name : typeof error}`);
      },
    },
    telemetry: { enabled: false },
    plugins: [
      admin({
        ac: accessControl,
        roles: { admin: adminAc, agent: userAc, analyst: userAc, auditor: userAc },
        defaultRole: "agent",
        adminRoles: ["admin"],
      }),
      nextCookies(),
    ],
  });
}

export type RewindAuth = Awaited<ReturnType<typeof createAuth>>;

type AuthPair = { secure?: Promise<RewindAuth>; plain?: Promise<RewindAuth>; perAccount: TokenBuckets };
const globalForAuth = globalThis as unknown as { rewindAuth?: WeakMap<Store, AuthPair> };

/**
 * One auth instance per store, per cookie kind, per process (the server has one store; tests and
 * scripts may open more). Pass the request (or its headers) whenever there is one: it decides
 * whether the sign-in cookie is Secure and under which name a session is read.
 */
export function getAuth(store: Store, request?: CookieRequest): Promise<RewindAuth> {
  globalForAuth.rewindAuth ??= new WeakMap();
  let pair = globalForAuth.rewindAuth.get(store);
  if (!pair) {
    pair = { perAccount: accountBuckets() };
    globalForAuth.rewindAuth.set(store, pair);
  }
  const secureCookies = usesSecureCookies(process.env.REWIND_PUBLIC_URL, request);
  const kind = secureCookies ? "secure" : "plain";
  const cached = pair[kind];
  if (cached) return cached;
  const created = createAuth(store, process.env, { secureCookies, perAccount: pair.perAccount }).catch((error) => {
    if (pair) delete pair[kind];
    throw error;
  });
  pair[kind] = created;
  return created;
}
