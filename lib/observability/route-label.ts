/**
 * The route a request path is for, as a metric label: the app's route pattern
 * (`/api/sessions/[sessionId]`), never the path itself (it holds session and user ids). A path
 * no pattern matches is "unmatched" and Next's own assets are "/_next", so the label's values are
 * the app's routes and nothing a client can invent.
 */
export const UNMATCHED_ROUTE = "unmatched";

interface CompiledRoute {
  pattern: string;
  regex: RegExp;
  /** static segments count: `/api/journeys/what-if` wins over `/api/journeys/[name]` */
  staticSegments: number;
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function compile(pattern: string): CompiledRoute {
  const segments = pattern.split("/").filter((s) => s !== "");
  const parts = segments.map((s) => (/^\[\.\.\.[^\]]+\]$/.test(s) ? "(?:/.+)" : /^\[[^\]]+\]$/.test(s) ? "/[^/]+" : `/${escapeRegex(s)}`));
  return {
    pattern,
    regex: new RegExp(`^${parts.join("")}/?$`),
    staticSegments: segments.filter((s) => !s.startsWith("[")).length,
  };
}

/** A matcher over the app's route patterns (lib/access/route-rules.ts lists every one). */
export function routeLabeller(patterns: readonly string[]): (pathname: string) => string {
  const routes = patterns.map(compile).sort((a, b) => b.staticSegments - a.staticSegments || b.pattern.split("/").length - a.pattern.split("/").length);
  return (pathname) => {
    if (pathname === "/_next" || pathname.startsWith("/_next/")) return "/_next";
    if (pathname === "/") return patterns.includes("/") ? "/" : UNMATCHED_ROUTE;
    return routes.find((r) => r.pattern !== "/" && r.regex.test(pathname))?.pattern ?? UNMATCHED_ROUTE;
  };
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/** The method as a label: the usual ones, anything else "OTHER" (a client may send any word). */
export function methodLabel(method: string | undefined): string {
  const upper = (method ?? "").toUpperCase();
  return METHODS.has(upper) ? upper : "OTHER";
}
