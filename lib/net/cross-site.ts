/**
 * Whether a request says another site sent it: Fetch Metadata first, then an Origin that is not
 * this host (or "null", which sandboxed frames and some redirects send). No Origin at all is a
 * server-to-server client, not a browser on another site.
 */
export function isCrossSite(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return true;
  const origin = headers.get("origin");
  if (!origin || origin === "null") return origin === "null";
  try {
    return new URL(origin).host !== (headers.get("x-forwarded-host") ?? headers.get("host"));
  } catch {
    return true;
  }
}
