import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { admin } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { adminAc, defaultStatements, userAc } from "better-auth/plugins/admin/access";
import { createAuthMiddleware, APIError, isAPIError } from "better-auth/api";
import { getIP } from "@better-auth/core/utils/ip";
import { SharedBuckets } from "../db/shared-buckets";
import { positiveFromEnv } from "../config/env-number";
import { logLine } from "../privacy/log";
import type { Store } from "../db/prisma";
import { RATE_BUCKET_SECRET, serverSecret } from "./server-secret";
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

/**
 * Failed sign-ins are limited per account and per client address (an address header can be forged,
 * an account cannot), in the database, so N nodes behind a load balancer allow no more guesses
 * than one (lib/db/shared-buckets.ts). Higher per address than per account: colleagues behind one
 * office address all sign in.
 */
export function signInBuckets(store: Store, env: Env = process.env): { perAccount: SharedBuckets; perAddress: SharedBuckets } {
  const perMinute = (name: string, fallback: number) => {
    const attempts = positiveFromEnv(env, name, fallback, { integer: true });
    return { ratePerSecond: attempts / 60, burst: attempts };
  };
  const secret = () => serverSecret(store, RATE_BUCKET_SECRET, undefined);
  return {
    perAccount: new SharedBuckets(store.db, store.target.provider, "sign-in-account", perMinute("REWIND_SIGN_IN_ATTEMPTS_PER_MINUTE", 10), secret),
    perAddress: new SharedBuckets(store.db, store.target.provider, "sign-in-address", perMinute("REWIND_SIGN_IN_ATTEMPTS_PER_ADDRESS_PER_MINUTE", 30), secret),
  };
}

// scripts/server.ts replaces X-Forwarded-For with the client's real address (see lib/net); read as
// Better Auth reads it (one address, IPv6 by its /64), so both limits count the same client.
const IP_OPTIONS = { advanced: { ipAddress: { ipAddressHeaders: ["x-forwarded-for"] } } };
const NO_ADDRESS = "unknown";

/**
 * `secureCookies` is fixed per instance (Better Auth decides it once, at creation), so the server
 * holds one instance of each kind and picks per request (see getAuth). Both count attempts in the
 * same rows, so switching scheme buys no extra attempts.
 */
export async function createAuth(store: Store, env: Env = process.env, { secureCookies = false }: { secureCookies?: boolean } = {}) {
  const secret = await serverSecret(store, "auth", env.REWIND_AUTH_SECRET);
  const { perAccount, perAddress } = signInBuckets(store, env);
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
    // Better Auth's own limiter stays as a per-node flood guard on every path; sign-in attempts
    // are counted in the hooks below, across nodes. Its sign-in default (3 in 10 s) would refuse
    // colleagues behind one address first, so it is lifted to the per-address limit.
    rateLimit: { enabled: true, storage: "memory", window: 60, max: 600, customRules: { "/sign-in/email": { window: 60, max: perAddress.burst } } },
    // scripts/server.ts replaces X-Forwarded-For with the client's real address (see lib/net).
    // Secure cookies follow the scheme served, not NODE_ENV: lib/auth/secure-cookies.ts.
    advanced: { ipAddress: { ipAddressHeaders: ["x-forwarded-for"] }, useSecureCookies: secureCookies },
    // Every attempt counts against the address; failed ones against the account too (a successful
    // sign-in gives the account's token back). Tokens are taken before the password is checked:
    // checking first and counting after let 21 of 25 parallel wrong passwords through a limit of 10.
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const now = Date.now();
        const address = getIP(ctx.request ?? ctx.headers ?? new Headers(), IP_OPTIONS) ?? NO_ADDRESS;
        const byAddress = await perAddress.take(address, 1, now);
        if (!byAddress.allowed) {
          throw new APIError("TOO_MANY_REQUESTS", { message: `too many sign-ins from this address; retry in ${byAddress.retryAfterSeconds} s` });
        }
        const byAccount = await perAccount.take(accountOf(ctx.body), 1, now);
        if (!byAccount.allowed) {
          throw new APIError("TOO_MANY_REQUESTS", { message: `too many failed sign-ins for this account; retry in ${byAccount.retryAfterSeconds} s` });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || ctx.context.returned instanceof APIError) return;
        await perAccount.giveBack(accountOf(ctx.body), 1);
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

type AuthPair = { secure?: Promise<RewindAuth>; plain?: Promise<RewindAuth> };
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
    pair = {};
    globalForAuth.rewindAuth.set(store, pair);
  }
  const secureCookies = usesSecureCookies(process.env.REWIND_PUBLIC_URL, request);
  const kind = secureCookies ? "secure" : "plain";
  const cached = pair[kind];
  if (cached) return cached;
  const created = createAuth(store, process.env, { secureCookies }).catch((error) => {
    if (pair) delete pair[kind];
    throw error;
  });
  pair[kind] = created;
  return created;
}
