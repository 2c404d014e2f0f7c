import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The one format for tokens the server hands out and later believes (resume links, view grants):
 *
 *     base64url(JSON claims) "." base64url(HMAC-SHA256(key, purpose "\n" payload ["\n" bound]...))
 *
 * - The purpose is the first line of what is signed, so a token issued for one purpose never
 *   verifies as another, even under the same key.
 * - `bound` values are signed but not sent: the verifier supplies them from what it already knows
 *   (a resume link's row names its user and session), so the token shows nothing about them. They
 *   are joined by line breaks; a value that may itself hold a line break belongs in the claims,
 *   whose JSON is unambiguous.
 * - The claims carry `expires` (milliseconds since the epoch); a token is refused from then on.
 * - Base64url on both sides: the token sits in a URL path as it is.
 *
 * This is, byte for byte, the format resume tokens have always had (purpose "resume", bound user
 * and session), so resume links already sent to customers keep working.
 */
export interface ExpiringClaims {
  expires: number;
  [claim: string]: unknown;
}

/** A token split and decoded, before anything in it is trusted. */
export interface ParsedSignedToken {
  claims: ExpiringClaims;
  payload: string;
  signature: string;
}

export type SignedTokenProblem = "tampered" | "expired";

const PURPOSE = /^[a-z][a-z-]*$/;

function signature(key: string, purpose: string, payload: string, bound: readonly string[]): string {
  if (!PURPOSE.test(purpose)) throw new Error(`a token purpose is lower-case words joined by "-", got ${JSON.stringify(purpose)}`);
  return createHmac("sha256", key)
    .update([purpose, payload, ...bound].join("\n"))
    .digest("base64url");
}

export function signToken(key: string, purpose: string, claims: ExpiringClaims, bound: readonly string[] = []): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${payload}.${signature(key, purpose, payload, bound)}`;
}

/** The claims a token carries, unverified (to find what it names); null when it is not a token at all. */
export function parseSignedToken(token: string): ParsedSignedToken | null {
  const parts = token.split(".");
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  try {
    const claims: unknown = JSON.parse(Buffer.from(parts[0], "base64url").toString("utf8"));
    if (typeof claims !== "object" || claims === null || Array.isArray(claims)) return null;
    if (typeof (claims as ExpiringClaims).expires !== "number") return null;
    return { claims: claims as ExpiringClaims, payload: parts[0], signature: parts[1] };
  } catch {
    return null;
  }
}

/** Checks the signature (constant-time) for this purpose and these bound values, then the expiry. */
export function checkSignedToken(key: string, purpose: string, token: ParsedSignedToken, bound: readonly string[], now: number): SignedTokenProblem | null {
  const expected = Buffer.from(signature(key, purpose, token.payload, bound));
  const given = Buffer.from(token.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return "tampered";
  return now >= token.claims.expires ? "expired" : null;
}

/** Parse and check in one: the claims of a good token, or why it is not. */
export function verifyToken(
  key: string,
  purpose: string,
  token: string,
  bound: readonly string[],
  now: number,
): { ok: true; claims: ExpiringClaims } | { ok: false; problem: SignedTokenProblem } {
  const parsed = parseSignedToken(token);
  if (!parsed) return { ok: false, problem: "tampered" };
  const problem = checkSignedToken(key, purpose, parsed, bound, now);
  return problem ? { ok: false, problem } : { ok: true, claims: parsed.claims };
}
