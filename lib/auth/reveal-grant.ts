import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A session reveal lasts for the view it was given in: the browser holds a grant for that
 * session and that viewer, signed by the server and short-lived, and the replay's own background
 * reads (blocks, the whole-session fold, the live tail) pass it back. A reload forgets it.
 */
export const REVEAL_MINUTES = 30;

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function issueRevealGrant(secret: string, sessionId: string, viewerId: string, now: number): string {
  const payload = Buffer.from(JSON.stringify({ s: sessionId, v: viewerId, e: now + REVEAL_MINUTES * 60_000 })).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

export function verifyRevealGrant(secret: string, grant: string, sessionId: string, viewerId: string, now: number): boolean {
  const [payload, signature] = grant.split(".");
  if (!payload || !signature) return false;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  try {
    const { s, v, e } = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { s: string; v: string; e: number };
    return s === sessionId && v === viewerId && typeof e === "number" && now < e;
  } catch {
    return false;
  }
}
