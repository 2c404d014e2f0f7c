import "server-only";
import type { Viewer } from "../access/viewer";
import { ApiError } from "../http/errors";
import { serverSecret } from "../auth/server-secret";
import { getStore } from "../db/prisma";
import { bookingResume, type BookingResume } from "../journeys/booking/booking-resume";
import type { BookingState } from "../journeys/booking/booking-state";
import { readLaterEvents } from "../resume/later-events";
import { createResumeLink, listResumeLinks, openResumeLink, revokeResumeLink, type LinkProblem } from "../resume/resume-links";
import { fillTemplate } from "../resume/resume-token";
import { resumeLinkDays, resumeUrlTemplate } from "../resume/settings";
import { findSession, listUserSessions, type Session } from "../sessions/read-sessions";
import { recordAccess } from "./audit";
import { customerJson, requireCustomer } from "./customers";
import { getMasker } from "./privacy";

const RESUMABLE_JOURNEY = "holiday-booking";

function resumeSecret() {
  return serverSecret(getStore(), "resume-links", process.env.REWIND_RESUME_SECRET);
}

export interface ResumeAnswer {
  userId: string;
  sessionId: string;
  stoppedAt: string;
  resume: BookingResume;
}

async function resumeOf(session: Session, now: number): Promise<ResumeAnswer | null> {
  if (session.journey !== RESUMABLE_JOURNEY || !session.userId) return null;
  const state = session.finalState as unknown as BookingState;
  const later = await readLaterEvents(getStore(), state, { userId: session.userId, lastEventAt: session.lastEventAt });
  const resume = bookingResume(state, later, now);
  if (!resume) return null;
  return { userId: session.userId, sessionId: session.id, stoppedAt: session.lastEventAt.toISOString(), resume };
}

/**
 * The resume state of a user's journey: the session named, or by default the latest session with
 * an unfinished journey. Null when there is nothing to resume.
 */
export async function resumeStateOf(userId: string, sessionId?: string, now = Date.now()): Promise<ResumeAnswer | null> {
  return (await findResume(userId, sessionId, now)) ?? null;
}

/**
 * The same for a reader of the API: a draft holds nothing personal, but the personal-data policy
 * has the last word on what leaves for a service key. The end user's own page and its Continue
 * URL use the draft as it is.
 */
export async function maskedResumeStateOf(idOrReference: string, now = Date.now()) {
  const customer = await requireCustomer(idOrReference, "has no unfinished journey to resume");
  const answer = await findResume(customer.userId, undefined, now);
  if (!answer) return null;
  const masker = await getMasker();
  return { ...answer, ...customerJson(customer, masker), resume: masker.state(answer.resume) };
}

async function findResume(userId: string, sessionId: string | undefined, now: number): Promise<ResumeAnswer | null> {
  const store = getStore();
  if (sessionId) {
    const session = await findSession(store, sessionId);
    if (!session || session.userId !== userId) {
      const asked = (await getMasker()).text(userId);
      throw new ApiError("not_found", `user "${asked}" has no session "${sessionId}"`, { userId: asked, sessionId });
    }
    return resumeOf(session, now);
  }
  for (const session of await listUserSessions(store, userId, 50)) {
    if (session.resumePoint === null || session.endReason === "open") continue;
    const answer = await resumeOf(session, now);
    if (answer) return answer;
  }
  return null;
}

/**
 * A resume link for a customer's journey (named by user id or reference), refused when there is
 * nothing that can be continued. Errors name the customer by their id masked.
 */
export async function createLinkFor(viewer: Viewer, idOrReference: string, sessionId: string | undefined, origin: string) {
  const customer = await requireCustomer(idOrReference, "has no unfinished journey to resume");
  const userId = customer.userId;
  const shown = (await getMasker()).text(userId);
  const answer = await resumeStateOf(userId, sessionId);
  if (!answer) throw new ApiError("not_found", `user "${shown}" has no unfinished journey to resume`, { userId: shown, ...(sessionId ? { sessionId } : {}) });
  if (!answer.resume.canContinue) {
    throw new ApiError("conflict", `this journey can no longer be continued: ${answer.resume.noLongerHolds.map((n) => n.message).join(" ")}`, {
      userId: shown,
      sessionId: answer.sessionId,
      noLongerHolds: answer.resume.noLongerHolds.map((n) => n.code),
    });
  }
  const link = await createResumeLink(getStore(), await resumeSecret(), {
    userId,
    sessionId: answer.sessionId,
    createdBy: viewer.kind === "user" ? viewer.email : viewer.name,
    days: resumeLinkDays(),
  });
  await recordAccess(viewer, { action: "resume-link.created", customer: userId, session: answer.sessionId, target: link.id });
  const base = process.env.REWIND_PUBLIC_URL || origin;
  return { url: new URL(`/resume/${link.token}`, base).toString(), token: link.token, expiresAt: link.expiresAt.toISOString(), id: link.id };
}

export type OpenedLink =
  | { ok: true; linkId: string; answer: ResumeAnswer; continueUrl: string | null }
  | { ok: false; problem: LinkProblem | "nothing_to_resume" };

/** An end user opens their link: the draft in plain words and where Continue goes; recorded as an audit event. */
export async function openLink(token: string, now = Date.now()): Promise<OpenedLink> {
  const opened = await openResumeLink(getStore(), await resumeSecret(), token, now);
  if (!opened.ok) return opened;
  const { link, user, session } = opened.claims;
  const answer = await resumeStateOf(user, session, now).catch(() => null);
  if (!answer) return { ok: false, problem: "nothing_to_resume" };
  await recordAccess(
    { kind: "customer", id: `resume-link:${link}`, name: `resume link ${link}`, role: "customer" },
    {
      action: "resume-link.opened",
      customer: user,
      session,
      target: link,
    },
  );
  const c = answer.resume.chosen;
  const continueUrl = answer.resume.canContinue
    ? fillTemplate(resumeUrlTemplate(), {
        bookingId: c.bookingId,
        offerId: c.offerId,
        destination: c.destination,
        checkIn: c.checkIn,
        checkOut: c.checkOut,
        adults: c.adults,
        children: c.children,
        extras: c.extras.join(","),
        token,
      })
    : null;
  return { ok: true, linkId: link, answer, continueUrl };
}

export async function linksOf(userId: string) {
  const now = Date.now();
  return (await listResumeLinks(getStore(), userId)).map((l) => ({
    id: l.id,
    sessionId: l.sessionId,
    createdBy: l.createdBy,
    createdAt: l.createdAt.toISOString(),
    expiresAt: l.expiresAt.toISOString(),
    status: l.revokedAt ? ("revoked" as const) : l.expiresAt.getTime() <= now ? ("expired" as const) : ("active" as const),
  }));
}

export async function revokeLink(viewer: Viewer, id: string): Promise<void> {
  const row = await getStore().db.resumeLink.findUnique({ where: { id } });
  if (!row) throw new ApiError("not_found", `no resume link "${id}"`, { link: id });
  if (!(await revokeResumeLink(getStore(), id, viewer.kind === "user" ? viewer.email : viewer.name))) {
    throw new ApiError("conflict", `resume link "${id}" was already revoked`, { link: id });
  }
  await recordAccess(viewer, { action: "resume-link.revoked", customer: row.userId, session: row.sessionId, target: id });
}
