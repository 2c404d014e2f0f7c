import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatWallClock } from "@/components/replay/format-time";
import { SessionsTable } from "@/components/sessions/sessions-table";
import { SessionStrip } from "@/components/users/session-strip";
import { getUserPage } from "@/lib/data/users";
import { recordAccess } from "@/lib/data/audit";
import { requireViewer } from "@/lib/data/viewer";
import { arrivedFromAnotherSite, requestedPage } from "@/lib/data/cross-site";
import { OpenFromElsewhere } from "@/components/access/open-from-elsewhere";
import { resumeStateOf } from "@/lib/data/resume";
import { linksWithStatusOf } from "@/lib/data/resume-link-status";
import { ResumeLinksTable } from "@/components/users/resume-links-table";
import { can } from "@/lib/access/roles";
import { ResumeLinkButton } from "@/components/resume/resume-link-button";
import { decodeRouteParam } from "@/lib/api/route-param";
import { lowerFirst, stepsInWords } from "@/lib/users/steps-in-words";
import { formatStay } from "@/lib/format/calendar-dates";
import { notesOfCustomer } from "@/lib/data/notes";
import { CustomerNotes } from "@/components/notes/customer-notes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Customer" };
const WARNING = "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100";
const GOOD_NEWS = "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100";

export default async function UserPage({ params }: { params: Promise<{ userId: string }> }) {
  const viewer = await requireViewer("users.find");
  const { userId } = await params;
  if (await arrivedFromAnotherSite()) return <OpenFromElsewhere href={await requestedPage(`/users/${userId}`)} what="this customer's sessions" />;
  const id = decodeRouteParam(userId);
  const user = id === null ? null : await getUserPage(id);
  if (!user) notFound();
  // Looked up by id or reference; what the page shows and links to is the id masked or the reference.
  await recordAccess(viewer, { action: "customer.viewed", customer: user.customer.userId, target: `/users/${user.key}` });
  const canResume = can(viewer.role, "resume-links.create");
  const notes = await notesOfCustomer(viewer, user.customer.userId);
  const [resume, links] = canResume ? await Promise.all([resumeStateOf(user.customer.userId), linksWithStatusOf(user.customer.userId)]) : [null, []];
  return (
    <div className="space-y-5">
      <div>
        <p className="text-xs text-slate-500">
          Customer {user.userId} · <span className="font-mono">{user.reference}</span>
        </p>
        <h1 className="text-xl font-semibold">{user.displayName ?? user.userId}</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {user.sessionCount} session{user.sessionCount === 1 ? "" : "s"} · first seen {formatWallClock(Date.parse(user.firstSeen))} · last seen{" "}
          {formatWallClock(Date.parse(user.lastSeen))}
        </p>
      </div>
      {user.openBooking && (
        <Card aria-label="Open booking" tone="highlight" className="text-sm">
          <h2 className="font-semibold">Open booking · {user.openBooking.chosen.booking}</h2>
          <p>
            {user.openBooking.label}: {user.openBooking.chosen.offer}, {stayOf(user.openBooking, resume)}, {user.openBooking.chosen.price}
          </p>
          {/* Judged now (a hold may have run out since the session): the Resume card's steps when it is this session. */}
          <p className="text-slate-600 dark:text-slate-300">
            To continue:{" "}
            {stepsInWords(resume?.sessionId === user.openBooking.sessionId ? resume.resume.remaining : user.openBooking.remaining) ||
              "nothing can be continued (see Resume)"}
          </p>
          <Link className="text-amber-700 hover:underline dark:text-amber-400" href={`/sessions/${encodeURIComponent(user.openBooking.sessionId)}`}>
            Replay the session where it stopped →
          </Link>
          {/* The Resume section below offers the latest unfinished journey; this booking may be an older one. */}
          {canResume && resume?.sessionId !== user.openBooking.sessionId && (
            <div className="mt-2">
              <ResumeLinkButton userId={user.reference} sessionId={user.openBooking.sessionId} label="Create a resume link for this booking" />
            </div>
          )}
        </Card>
      )}
      {canResume && (
        <Card aria-label="Resume" className="space-y-3 text-sm">
          <h2 className="font-semibold">Resume</h2>
          {resume ? (
            <>
              <p>
                Latest unfinished journey: {lowerFirst(resume.resume.stepLabel)}
                {resume.resume.chosen ? `, ${[resume.resume.chosen.destination, resume.resume.chosen.hotel].filter(Boolean).join(", ")}` : ""}.{" "}
                {resume.resume.canContinue ? `Left to do: ${lowerFirst(stepsInWords(resume.resume.remaining))}.` : ""}
              </p>
              {resume.resume.noLongerHolds.map((n) => (
                // A price that went down is good news (green), not a warning; the booking journey's words say which way it went.
                <p key={n.code} className={`rounded px-3 py-1.5 ${n.code === "price_changed" && n.message.includes("went down") ? GOOD_NEWS : WARNING}`}>
                  {n.message}
                </p>
              ))}
              {resume.resume.canContinue && <ResumeLinkButton userId={user.reference} sessionId={resume.sessionId} />}
            </>
          ) : (
            <p className="text-slate-500">No unfinished journey to resume.</p>
          )}
          {links.length > 0 && <ResumeLinksTable links={links} customer={user.reference} />}
        </Card>
      )}
      {notes.length > 0 && <CustomerNotes notes={notes} />}
      <SessionStrip sessions={user.sessions} />
      <SessionsTable sessions={user.sessions} show="ended" stacked />
    </div>
  );
}

/**
 * The open booking's stay with its year, as the resume page says it ("Sat 12 June – Sat 19 June
 * 2027, 7 nights"), from the resume's own days when it is the same session; else the fold's words.
 */
function stayOf(
  open: { sessionId: string; chosen: Record<string, string> },
  resume: { sessionId: string; resume: { chosen?: { checkIn: string | null; checkOut: string | null } } } | null,
) {
  const chosen = resume?.sessionId === open.sessionId ? resume.resume.chosen : undefined;
  return chosen?.checkIn ? formatStay(chosen.checkIn, chosen.checkOut) : open.chosen.dates;
}
