import type { Metadata } from "next";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable } from "@/components/ui/data-table";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatElapsed, formatWallClock } from "@/components/replay/format-time";
import { OutcomeBadge } from "@/components/replay/left-off-card";
import { SessionStrip } from "@/components/users/session-strip";
import { getUserPage } from "@/lib/data/users";
import { recordAccess } from "@/lib/data/audit";
import { requireViewer } from "@/lib/data/viewer";
import { arrivedFromAnotherSite, requestedPage } from "@/lib/data/cross-site";
import { OpenFromElsewhere } from "@/components/access/open-from-elsewhere";
import { linksOf, resumeStateOf } from "@/lib/data/resume";
import { can } from "@/lib/access/roles";
import { ResumeLinkButton } from "@/components/resume/resume-link-button";
import { revokeResumeLinkAction } from "@/lib/actions/users";
import { decodeRouteParam } from "@/lib/api/route-param";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Customer" };

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
  const [resume, links] = canResume ? await Promise.all([resumeStateOf(user.customer.userId), linksOf(user.customer.userId)]) : [null, []];
  return (
    <div className="space-y-5">
      <div>
        <p className="text-xs text-slate-500">
          Customer {user.userId} · <span className="font-mono">{user.reference}</span>
        </p>
        <h1 className="text-xl font-semibold">{user.displayName ?? user.userId}</h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {user.sessionCount} session{user.sessionCount === 1 ? "" : "s"} · first seen {formatWallClock(Date.parse(user.firstSeen))} · last seen {formatWallClock(Date.parse(user.lastSeen))}
        </p>
      </div>
      {user.openBooking && (
        <section aria-label="Open booking" className="rounded-lg border border-amber-200 bg-amber-50/60 p-4 text-sm dark:border-amber-900 dark:bg-amber-950/30">
          <h2 className="font-semibold">Open booking · {user.openBooking.chosen.booking}</h2>
          <p>
            {user.openBooking.label}: {user.openBooking.chosen.offer}, {user.openBooking.chosen.dates}, {user.openBooking.chosen.price}
          </p>
          <p className="text-slate-600 dark:text-slate-300">To continue: {user.openBooking.remaining.join(", ")}</p>
          <Link className="text-amber-700 hover:underline dark:text-amber-400" href={`/sessions/${encodeURIComponent(user.openBooking.sessionId)}`}>
            Replay the session where it stopped →
          </Link>
          {/* The Resume section below offers the latest unfinished journey; this booking may be an older one. */}
          {canResume && resume?.sessionId !== user.openBooking.sessionId && (
            <div className="mt-2">
              <ResumeLinkButton userId={user.reference} sessionId={user.openBooking.sessionId} label="Create a resume link for this booking" />
            </div>
          )}
        </section>
      )}
      {canResume && (
        <section aria-label="Resume" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-700 dark:bg-slate-900">
          <h2 className="font-semibold">Resume</h2>
          {resume ? (
            <>
              <p>
                Latest unfinished journey: {resume.resume.stepLabel.toLowerCase()}, {resume.resume.chosen.destination}
                {resume.resume.chosen.hotel ? `, ${resume.resume.chosen.hotel}` : ""}.{" "}
                {resume.resume.canContinue ? `Left to do: ${resume.resume.remaining.join(", ").toLowerCase()}.` : ""}
              </p>
              {resume.resume.noLongerHolds.map((n) => (
                <p key={n.code} className="rounded bg-amber-50 px-3 py-1.5 text-amber-900 dark:bg-amber-950 dark:text-amber-100">{n.message}</p>
              ))}
              {resume.resume.canContinue && <ResumeLinkButton userId={user.reference} sessionId={resume.sessionId} />}
            </>
          ) : (
            <p className="text-slate-500">No unfinished journey to resume.</p>
          )}
          {links.length > 0 && (
            <DataTable label="Resume links" columns={["Created", "By", "Expires", "Status", ""]}>
              {links.map((l) => (
                <tr key={l.id} className="border-t border-slate-100 dark:border-slate-800">
                  <td className="px-3 py-1.5 text-xs">{formatWallClock(Date.parse(l.createdAt))}</td>
                  <td className="px-3 py-1.5 text-xs">{l.createdBy}</td>
                  <td className="px-3 py-1.5 text-xs">{formatWallClock(Date.parse(l.expiresAt))}</td>
                  <td className="px-3 py-1.5 text-xs">{l.status}</td>
                  <td className="px-3 py-1.5 text-right">
                    {l.status === "active" && (
                      <form action={revokeResumeLinkAction}>
                        <input type="hidden" name="linkId" value={l.id} />
                        <input type="hidden" name="userId" value={user.reference} />
                        <ConfirmButton question="Revoke this resume link? The customer can no longer open it." className="text-xs text-red-700 underline dark:text-red-400">Revoke</ConfirmButton>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>
      )}
      <SessionStrip sessions={user.sessions} />
      <DataTable label="Sessions" columns={["Started", "Duration", "Outcome", "Ended", ["Events", "text-right"], "Left off at"]}>
        {user.sessions.map((s) => (
          <tr key={s.id} className="border-t border-slate-100 hover:bg-amber-50 dark:border-slate-800 dark:hover:bg-slate-800">
            <td className="px-3 py-2">
              <Link className="text-amber-700 hover:underline dark:text-amber-400" href={`/sessions/${encodeURIComponent(s.id)}`}>
                {formatWallClock(Date.parse(s.startedAt))}
              </Link>
            </td>
            <td className="px-3 py-2 font-mono text-xs tabular-nums">{formatElapsed(s.durationMs)}</td>
            <td className="px-3 py-2">
              <OutcomeBadge outcome={s.outcome} />
            </td>
            <td className="px-3 py-2 text-slate-500">{s.endReason.replaceAll("_", " ")}</td>
            <td className="px-3 py-2 text-right tabular-nums">{s.eventCount}</td>
            <td className="px-3 py-2">{s.lastStep}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
