import { createHmac, timingSafeEqual } from "node:crypto";

/** The header a webhook receiver checks, as Stripe's and Svix's are: a timestamp and a signature over it and the body. */
export const SIGNATURE_HEADER = "Rewind-Signature";

/** `v1`: hex HMAC-SHA256 of "<t>.<raw body>", keyed with the rule's secret as UTF-8 bytes. */
export function signatureOf(secret: string, body: string, unixSeconds: number): string {
  return createHmac("sha256", Buffer.from(secret, "utf8")).update(`${unixSeconds}.${body}`, "utf8").digest("hex");
}

/**
 * `t=<unix seconds>,v1=<hex>`. Signed afresh on every attempt (the time is the attempt's), so a
 * receiver can refuse an old signature replayed, while the body, and its `id`, stay the same.
 */
export function signatureHeader(secret: string, body: string, nowMs: number): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${signatureOf(secret, body, t)}`;
}

/** What a receiver does (docs/alerts.md shows it): true when the header signs this body with this secret. */
export function verifySignature(secret: string, body: string, header: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || typeof parts.v1 !== "string" || !/^[0-9a-f]{64}$/.test(parts.v1)) return false;
  return timingSafeEqual(Buffer.from(parts.v1, "hex"), Buffer.from(signatureOf(secret, body, t), "hex"));
}
