import { getAuth } from "@/lib/auth/better-auth";
import { getStore } from "@/lib/db/prisma";

export const dynamic = "force-dynamic";

/**
 * Only what the dashboard's browser needs of Better Auth is reachable over HTTP. Everything else
 * (its admin endpoints: roles, bans, impersonation, passwords) runs only server-side, through the
 * admin pages' own actions, which check the role, keep one admin, and are what the README lists.
 */
const OPEN = new Set(["/api/auth/sign-in/email", "/api/auth/sign-out", "/api/auth/get-session"]);

// /api/auth/* – sign-in (rate limited, same-origin only), sign-out, the current session
async function authHandler(request: Request) {
  if (!OPEN.has(new URL(request.url).pathname)) {
    return Response.json({ error: { code: "not_found", message: "no such auth endpoint", details: {} } }, { status: 404 });
  }
  return (await getAuth(getStore(), request)).handler(request);
}

export const GET = authHandler;
export const POST = authHandler;
