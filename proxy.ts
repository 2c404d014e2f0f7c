import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { PAGE_PATH_HEADER } from "./lib/access/page-path";
import { isCrossSite } from "./lib/net/cross-site";

/**
 * Two cheap checks before any route runs (each page and route still checks the session and role
 * itself, so this is defence in depth, not the gate):
 * - a state-changing request whose Origin (or Fetch Metadata) says another site sent it is
 *   refused, whatever cookie it carries;
 * - a page request without a session cookie goes to sign-in, remembering where it was going.
 */
const PUBLIC_PAGES = [/^\/sign-in$/, /^\/resume\//];
/** Route handlers outside /api answer for themselves (401 JSON, or a service key's download). */
const ROUTE_HANDLERS = [/^\/sessions\/[^/]+\/export\//, /^\/analytics\/export\//, /^\/access-log\/export\/?$/, /^\/admin\/erasure\/export\/?$/];
/** What records an export when opened: refused when another site opens it (see below). */
const AUDITED_DOWNLOADS = [...ROUTE_HANDLERS, /^\/sessions\/[^/]+\/print\/?$/];
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** API routes that answer without a sign-in (or are Better Auth's own, which checks its Origin). */
const OPEN_API = [/^\/api\/health\/?$/, /^\/api\/auth\//];

/**
 * Whether another site (or a sibling subdomain: its requests carry a SameSite=Lax cookie too) made
 * the browser send this request. No header (a client that is not a browser) is not another site.
 */
function fromAnotherSite(request: NextRequest): boolean {
  const site = request.headers.get("sec-fetch-site");
  return site === "cross-site" || site === "same-site";
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!SAFE_METHODS.has(request.method) && isCrossSite(request.headers)) {
    return NextResponse.json(
      { error: { code: "forbidden", message: "cross-site requests may not change anything", details: { origin: request.headers.get("origin") } } },
      { status: 403 },
    );
  }
  // A download another site starts with the viewer's cookie would be an audited export in their name.
  if (AUDITED_DOWNLOADS.some((p) => p.test(pathname)) && fromAnotherSite(request)) {
    return NextResponse.json({ error: { code: "forbidden", message: "exports open from Rewind's own pages only", details: {} } }, { status: 403 });
  }
  // So would an API read made with the dashboard's sign-in (a link or a window.open to
  // /api/users/<id>/sessions records a view): those come from Rewind's own pages only. A key
  // (Authorization) is no cookie another site can ride on.
  if (
    pathname.startsWith("/api/") &&
    !OPEN_API.some((p) => p.test(pathname)) &&
    fromAnotherSite(request) &&
    getSessionCookie(request) &&
    !request.headers.get("authorization")
  ) {
    return NextResponse.json(
      { error: { code: "forbidden", message: "reads with a dashboard sign-in come from Rewind's own pages only; use an API key", details: {} } },
      { status: 403 },
    );
  }
  const isPage = !pathname.startsWith("/api/") && ![...PUBLIC_PAGES, ...ROUTE_HANDLERS].some((p) => p.test(pathname));
  if (isPage && request.method === "GET" && !getSessionCookie(request)) {
    const signIn = new URL("/sign-in", request.url);
    if (pathname !== "/") signIn.searchParams.set("next", pathname + search);
    return NextResponse.redirect(signIn);
  }
  // Where a page request was going, for a page whose sign-in turns out to have ended (expired,
  // revoked by a password change or reset): it sends the viewer back here after signing in again.
  // Set here, never taken from the client.
  const headers = new Headers(request.headers);
  if (isPage && request.method === "GET") headers.set(PAGE_PATH_HEADER, pathname + search);
  else headers.delete(PAGE_PATH_HEADER);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  // Everything but Next's own assets, the icon, and the ingest route. Next copies the body of every
  // request the proxy sees and silently cuts the copy at proxyClientMaxBodySize, so an ingest body
  // over it was stored cut short; and none of the checks above applies there: ingestion takes a
  // producer key (no cookie a cross-site form could ride on) and reads no page path. The route
  // reads the body itself, counting bytes, and refuses it (413) past REWIND_MAX_BODY_BYTES.
  // Segment's tracking API (every route under /v1/) is ingestion too, for the same reasons.
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico|api/events/?$|v1/).*)"],
};
