import { BlockList, isIP } from "node:net";
import { globListMatches, parseGlobList } from "../glob/glob";

/**
 * Addresses a webhook may not reach unless its host is allowed: this machine, private networks,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast, documentation and
 * reserved ranges. A Rewind server usually sits inside a network an admin's URL should not reach.
 */
const INTERNAL = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  INTERNAL.addSubnet(net, prefix, "ipv4");
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const)
  INTERNAL.addSubnet(net, prefix, "ipv6");

/** An IPv4 address carried inside an IPv6 one (mapped ::ffff:a.b.c.d, NAT64 64:ff9b::/96), which reaches that IPv4 address. */
function embeddedIpv4(address: string): string | null {
  const m = /^(?:::ffff:|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (!m) return null;
  if (m[1]) return m[1];
  const hi = Number.parseInt(m[2]!, 16);
  const lo = Number.parseInt(m[3]!, 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** Is this resolved address internal (or not an address at all)? */
export function isInternalAddress(address: string): boolean {
  const kind = isIP(address);
  if (kind === 4) return INTERNAL.check(address, "ipv4");
  if (kind !== 6) return true;
  const v4 = embeddedIpv4(address);
  return v4 !== null ? INTERNAL.check(v4, "ipv4") : INTERNAL.check(address, "ipv6");
}

/** REWIND_WEBHOOK_ALLOW: host patterns in the product's glob, comma-separated (`127.0.0.1`, `*.internal.example`). */
export function webhookAllowList(env: Record<string, string | undefined> = process.env): string[] {
  return parseGlobList(env.REWIND_WEBHOOK_ALLOW ?? "").map((p) => p.toLowerCase());
}

/** The host as patterns name it: lower case, an IPv6 literal without its brackets. */
export const hostOf = (url: URL): string => url.hostname.toLowerCase().replace(/^\[(.*)\]$/, "$1");

export const hostAllowed = (host: string, allow: readonly string[]): boolean => globListMatches(allow, host);

/**
 * Why this URL may not be a webhook, or null: https only, plain http only for an allowed host, no
 * credentials in it (they would show on the admin page). Where the host resolves is checked on
 * every attempt (./send-webhook.ts), since a name can point elsewhere later.
 */
export function webhookUrlProblem(text: string, allow: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "is not a URL";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "must be an https:// URL";
  if (url.username || url.password) return "must not carry a user name or password";
  if (url.protocol === "http:" && !hostAllowed(hostOf(url), allow)) return "must be https:// (plain http:// only for a host named in REWIND_WEBHOOK_ALLOW)";
  return null;
}
