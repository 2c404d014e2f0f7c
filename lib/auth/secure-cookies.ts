/**
 * Whether Rewind's sign-in cookie carries `Secure` (and so the `__Secure-` name prefix). A
 * browser drops a Secure cookie sent over plain http from any host but localhost, so the sign-in
 * of a demo opened at http://<lan-ip>:3120 silently failed when this followed NODE_ENV, as Better
 * Auth does by default. It follows the scheme actually served instead:
 * - REWIND_PUBLIC_URL when set: an https deployment always gets Secure cookies, whatever a
 *   request says;
 * - else the request's: https in its URL, or in X-Forwarded-Proto from a TLS-terminating proxy
 *   (a forged header can only make the sender's own cookie Secure, never weaken one);
 * - and a request that already carries a `__Secure-` session cookie keeps reading it: a browser
 *   only stores such a cookie from https, so it cannot be planted over http.
 */
export const SESSION_COOKIE = "better-auth.session_token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

export type CookieRequest = { url?: string; headers?: Headers };

function isHttps(url: string | undefined): boolean {
  if (!url) return false;
  try {
    return new URL(url).protocol === "https:";
  } catch {
    return false;
  }
}

function carriesSecureSessionCookie(headers: Headers | undefined): boolean {
  const cookie = headers?.get("cookie") ?? "";
  return cookie.split(";").some((pair) => pair.trim().startsWith(`${SECURE_SESSION_COOKIE}=`));
}

export function usesSecureCookies(publicUrl: string | undefined, request: CookieRequest | undefined): boolean {
  if (publicUrl) return isHttps(publicUrl);
  if (!request) return false;
  const forwardedProto = request.headers?.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return forwardedProto === "https" || isHttps(request.url) || carriesSecureSessionCookie(request.headers);
}
