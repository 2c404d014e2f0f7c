import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export type KeyKind = "producer" | "service";

/**
 * API keys are 32 random bytes, so a plain SHA-256 is the right hash for storing them (a slow
 * password KDF guards low-entropy secrets; these are not). Only the hash is stored.
 */
export function hashKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function generateKey(kind: KeyKind): string {
  return `rw_${kind === "producer" ? "prod" : "svc"}_${randomBytes(32).toString("base64url")}`;
}

export function keyPrefix(key: string): string {
  return key.slice(0, 12);
}

export function hashesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | null): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}
