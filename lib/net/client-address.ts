import { findInvalidTrustedProxies, getIPFromHeader } from "@better-auth/core/utils/ip";

/**
 * The address a request really came from, for the per-address sign-in limit. A client can send
 * any X-Forwarded-For it likes, so the header only counts when the connection comes from one of
 * `trustedProxies` (REWIND_TRUSTED_PROXIES, IPs or CIDR ranges): then the chain is read from the
 * right, past the trusted hops, with Better Auth's own reading. Otherwise it is the peer itself.
 */
export function clientAddress(peer: string, forwardedFor: string | undefined, trustedProxies: readonly string[]): string {
  if (trustedProxies.length === 0 || !forwardedFor) return peer;
  return getIPFromHeader(`${forwardedFor}, ${peer}`, { trustedProxies: [...trustedProxies] }) ?? peer;
}

/** REWIND_TRUSTED_PROXIES: comma-separated IPs or CIDR ranges; anything else is an error at start. */
export function trustedProxiesFromEnv(value: string | undefined): string[] {
  const entries = (value ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const invalid = findInvalidTrustedProxies(entries);
  if (invalid.length > 0) throw new Error(`REWIND_TRUSTED_PROXIES: not an IP address or CIDR range: ${invalid.join(", ")}`);
  return entries;
}
