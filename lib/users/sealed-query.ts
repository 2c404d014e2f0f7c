import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * A customer search as it travels in a URL (`/users?q=<sealed>`): encrypted and authenticated
 * (AES-256-GCM under a server secret), so an email or a name typed into the search box is not in
 * the address bar, the browser's history or a proxy's log, and a changed token opens nothing.
 */
const key = (secret: string) => createHash("sha256").update(`user-search\n${secret}`).digest();

export function sealQuery(secret: string, query: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(secret), iv);
  const body = Buffer.concat([cipher.update(query, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url");
}

/** The query sealed in `token`; null for a token this secret did not seal (or changed since). */
export function openQuery(secret: string, token: string): string | null {
  const raw = Buffer.from(token, "base64url");
  if (raw.length < 28) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(secret), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
