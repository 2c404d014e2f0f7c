import "server-only";
import type { Viewer } from "../access/viewer";
import { ApiError } from "../http/errors";
import { serverSecret } from "../auth/server-secret";
import { getStore } from "../db/prisma";
import { continueUrlOf, hasContinueTarget } from "../resume/continue-url";
import { latestResume, resumeOfSession, type FoundResume, type ResumeAnswer } from "../resume/find-resume";
import { createResumeLink, listResumeLinks, openResumeLink, revokeResumeLink, type LinkProblem } from "../resume/resume-links";
import { resumeLinkDays, resumeUrlTemplate } from "../resume/settings";
import { findSession } from "../sessions/read-sessions";
import { recordAccess } from "./audit";
import { liveCatalog } from "./catalog";
import { customerJson, customerKey, referencesFor, requireCustomer } from "./customers";
import { getMasker } from "./privacy";
import { maskPersonalFacts } from "../journeys/definition/personal-reads";
import { nameCode, nameCodesIn } from "../journeys/place-label";
import { placesFor } from "./place-names";

export type { ResumeAnswer };

function resumeSecret() {
  return serverSecret(getStore(), "resume-links", process.env.REWIND_RESUME_SECRET);
}

/**
 * The resume state of a user's journey: the session named, or by default the latest session with
 * an unfinished journey. Null when there is nothing to resume.
 */
export async function resumeStateOf(userId: string, sessionId?: string, now = Date.now()): Promise<ResumeAnswer | null> {
  return (await findResume(userId, sessionId, now))?.answer ?? null;
}

/**
 * The same for a reader of the API: a draft holds nothing personal, but the personal-data policy
 * has the last word on what leaves for a service key. The end user's own page and its Continue
 * URL use the draft as it is.
 */
export async function maskedResumeStateOf(idOrReference: string, now = Date.now()) {
  const customer = await requireCustomer(idOrReference, "has no unfinished journey to resume");
  const answer = (await findResume(customer.userId, undefined, now))?.answer;
  if (!answer) return null;
  const masker = await getMasker();
  return { ...answer, ...customerJson(customer, masker), resume: masker.state(answer.resume) };
}

/**
 * The resume found, its place named as the whole store names it ("Malta (MLA)" for a session that
 * never looked at Malta itself): the customer page, the resume page and Continue read it from here.
 */
async function findResume(userId: string, sessionId: string | undefined, now: number): Promise<FoundResume | null> {
  const found = await findResumeAsFolded(userId, sessionId, now);
  if (!found) return null;
  const { chosen } = found.answer.resume;
  const places = await placesFor([...Object.values(found.chosen), chosen?.destinationCode]);
  // Only a bare code is renamed: a place the session named itself keeps its own words.
  const named =
    chosen?.destinationCode && chosen.destination === chosen.destinationCode ? { ...chosen, destination: nameCode(chosen.destination, places) } : chosen;
  const resume = { ...found.answer.resume, ...(named ? { chosen: named } : {}) };
  return { answer: { ...found.answer, resume }, chosen: nameCodesIn(found.chosen, places) };
}

async function findResumeAsFolded(userId: string, sessionId: string | undefined, now: number): Promise<FoundResume | null> {
  const store = getStore();
  if (!sessionId) return latestResume(store, userId, now);
  const session = await findSession(store, sessionId);
  if (!session || session.userId !== userId) {
    const asked = (await getMasker()).attribute("userid", userId);
    throw new ApiError("not_found", `user "${asked}" has no session "${sessionId}"`, { userId: asked, sessionId });
  }
  return resumeOfSession(store, session, now);
}

/**
 * A resume link for a customer's journey (named by user id or reference), refused when there is
 * nothing that can be continued. Errors name the customer by their id masked.
 */
export async function createLinkFor(viewer: Viewer, idOrReference: string, sessionId: string | undefined, origin: string) {
  const customer = await requireCustomer(idOrReference, "has no unfinished journey to resume");
  const userId = customer.userId;
  const shown = (await getMasker()).attribute("userid", userId);
  const answer = await resumeStateOf(userId, sessionId);
  if (!answer) throw new ApiError("not_found", `user "${shown}" has no unfinished journey to resume`, { userId: shown, ...(sessionId ? { sessionId } : {}) });
  if (!answer.resume.canContinue) {
    throw new ApiError("conflict", `this journey can no longer be continued: ${answer.resume.noLongerHolds.map((n) => n.message).join(" ")}`, {
      userId: shown,
      sessionId: answer.sessionId,
      noLongerHolds: answer.resume.noLongerHolds.map((n) => n.code),
    });
  }
  if (!hasContinueTarget(answer.resume, await continueTargetOf(answer.journey))) {
    throw new ApiError("conflict", `journey "${answer.journey}" has no resume.url in its definition: Continue would have nowhere to go`, {
      journey: answer.journey,
      sessionId: answer.sessionId,
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
  | { ok: true; linkId: string; answer: ResumeAnswer; journeyLabel: string; chosen: Record<string, string>; continueUrl: string | null }
  | { ok: false; problem: LinkProblem | "nothing_to_resume" };

/** Where a journey's Continue goes: its own resume URL (from the definitions the live read models were folded with), or the server's template. */
async function continueTargetOf(journey: string) {
  const definition = (await liveCatalog()).byName(journey);
  return { resumeUrl: definition?.resumeUrl, bookingTemplate: resumeUrlTemplate(), label: definition?.label ?? journey, document: definition?.document };
}

/**
 * An end user opens their link (or, on Rewind's own stand-in for the booking app, arrives from its
 * Continue): the draft in plain words and where Continue goes; each is an audit event of its own,
 * so the opens a link's status counts are the customer's visits to their page.
 */
export async function openLink(
  token: string,
  now = Date.now(),
  action: "resume-link.opened" | "resume-link.continued" = "resume-link.opened",
): Promise<OpenedLink> {
  const opened = await openResumeLink(getStore(), await resumeSecret(), token, now);
  if (!opened.ok) return opened;
  const { link, user, session } = opened.claims;
  const found = await findResume(user, session, now).catch(() => null);
  if (!found) return { ok: false, problem: "nothing_to_resume" };
  await recordAccess(
    { kind: "customer", id: `resume-link:${link}`, name: `resume link ${link}`, role: "customer" },
    {
      action,
      customer: user,
      session,
      target: link,
    },
  );
  const { answer, chosen } = found;
  // `{userid}` names the customer by reference where their id is personal (it leaves in a URL).
  const [masker, references] = await Promise.all([getMasker(), referencesFor([user])]);
  const userKey = customerKey({ userId: user, reference: references.get(user) ?? "" }, masker);
  const target = await continueTargetOf(answer.journey);
  const continueUrl = continueUrlOf({ ...answer.resume, facts: maskPersonalFacts(masker, target.document, answer.resume.facts) }, target, {
    userKey,
    sessionId: answer.sessionId,
    token,
  });
  return { ok: true, linkId: link, answer, journeyLabel: target.label, chosen, continueUrl };
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
