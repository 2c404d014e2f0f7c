import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A replay's page load is the audited view; the player's background reads (blocks, the whole-
 * session fold, the live tail) pass back the grant that page load issued, so no read of a session
 * happens outside an audited view. A grant names the session, the viewer and their sign-in
 * session (signing out ends it), is signed by the server, and expires. A reveal with a reason
 * issues a revealed grant, shorter-lived; a reload forgets it, since only the view holds it.
 */
export const VIEW_HOURS = 12;
export const REVEAL_MINUTES = 20;

export interface GrantSubject {
  session: string;
  viewer: string;
  /** the viewer's sign-in session (or the key id for a service key) */
  signIn: string;
}

function sign(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(payload).digest("base64url");
}

export function issueViewGrant(secret: string, subject: GrantSubject, revealed: boolean, now: number): string {
  const expires = now + (revealed ? REVEAL_MINUTES * 60_000 : VIEW_HOURS * 3_600_000);
  const payload = Buffer.from(JSON.stringify({ ...subject, revealed, expires })).toString("base64url");
  return `${payload}.${sign(secret, payload)}`;
}

/** What a grant allows for this subject now: null for a forged, expired or someone else's grant. */
export function verifyViewGrant(secret: string, grant: string, subject: GrantSubject, now: number): { revealed: boolean } | null {
  const [payload, signature, extra] = grant.split(".");
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as GrantSubject & { revealed: unknown; expires: unknown };
    const matches = claims.session === subject.session && claims.viewer === subject.viewer && claims.signIn === subject.signIn;
    if (!matches || typeof claims.expires !== "number" || now >= claims.expires) return null;
    return { revealed: claims.revealed === true };
  } catch {
    return null;
  }
}
