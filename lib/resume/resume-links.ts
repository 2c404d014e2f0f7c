import { randomBytes } from "node:crypto";
import type { Store } from "../db/prisma";
import { parseResumeToken, signResumeToken, verifyResumeToken, type ResumeClaims } from "./resume-token";

export type LinkProblem = "tampered" | "expired" | "revoked" | "unknown";

export async function createResumeLink(
  store: Store,
  secret: string,
  link: { userId: string; sessionId: string; createdBy: string; days: number },
  now = Date.now(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const id = `rl_${randomBytes(12).toString("base64url")}`;
  const expiresAt = new Date(now + link.days * 86_400_000);
  await store.db.resumeLink.create({
    data: { id, userId: link.userId, sessionId: link.sessionId, createdBy: link.createdBy, createdAt: new Date(now), expiresAt },
  });
  return { id, token: signResumeToken(secret, { link: id, user: link.userId, session: link.sessionId, expires: expiresAt.getTime() }), expiresAt };
}

/**
 * The link a token stands for, or why it cannot be used: the row must exist, the signature must
 * hold for the user and session the row names (a token is never good for anyone else's link), and
 * the link must be neither revoked nor expired.
 */
export async function openResumeLink(
  store: Store,
  secret: string,
  token: string,
  now = Date.now(),
): Promise<{ ok: true; claims: ResumeClaims } | { ok: false; problem: LinkProblem }> {
  const parsed = parseResumeToken(token);
  if (!parsed) return { ok: false, problem: "tampered" };
  const row = await store.db.resumeLink.findUnique({ where: { id: parsed.link } });
  if (!row) return { ok: false, problem: "unknown" };
  const problem = verifyResumeToken(secret, parsed, { user: row.userId, session: row.sessionId }, now);
  if (problem) return { ok: false, problem };
  if (row.revokedAt) return { ok: false, problem: "revoked" };
  if (row.expiresAt.getTime() <= now) return { ok: false, problem: "expired" };
  return { ok: true, claims: { link: row.id, user: row.userId, session: row.sessionId, expires: parsed.expires } };
}

export async function revokeResumeLink(store: Store, id: string, by: string, now = new Date()): Promise<boolean> {
  const { count } = await store.db.resumeLink.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now, revokedBy: by } });
  return count === 1;
}

export async function listResumeLinks(store: Store, userId: string) {
  return store.db.resumeLink.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 50 });
}
