import { signToken, verifyToken } from "../tokens/signed-token";

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

/**
 * A grant is the signed-token helper's "view-grant" purpose. Its subject travels in the claims,
 * not as bound values: a session id is the producer's string and may hold a line break. Grants
 * live hours at most, so the format could move to the helper's (a grant issued before reads as
 * forged; the viewer reloads the replay).
 */
const PURPOSE = "view-grant";

export function issueViewGrant(secret: string, subject: GrantSubject, revealed: boolean, now: number): string {
  const expires = now + (revealed ? REVEAL_MINUTES * 60_000 : VIEW_HOURS * 3_600_000);
  return signToken(secret, PURPOSE, { ...subject, revealed, expires });
}

/** What a grant allows for this subject now: null for a forged, expired or someone else's grant. */
export function verifyViewGrant(secret: string, grant: string, subject: GrantSubject, now: number): { revealed: boolean } | null {
  const verified = verifyToken(secret, PURPOSE, grant, [], now);
  if (!verified.ok) return null;
  const { claims } = verified;
  const matches = claims.session === subject.session && claims.viewer === subject.viewer && claims.signIn === subject.signIn;
  return matches ? { revealed: claims.revealed === true } : null;
}
