import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatElapsed, formatWallClock } from "@/components/replay/format-time";
import { LeftOffCard } from "@/components/replay/left-off-card";
import { getSessionExport } from "@/lib/data/replay";
import { gapWords, timelineRows } from "@/lib/replay/removed-gaps";
import { recordAccess } from "@/lib/data/audit";
import { requireViewer } from "@/lib/data/viewer";
import { decodeRouteParam } from "@/lib/api/route-param";
import { viewerLabel } from "@/lib/access/viewer";
import { PrintButton } from "@/components/replay/print-button";
import Link from "next/link";
import { exportedNotes } from "@/lib/data/notes";
import { PrintedNotes } from "@/components/notes/printed-notes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Session summary" };

/** A printable summary of a session, for a dispute file. */
export default async function PrintPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const viewer = await requireViewer("sessions.export");
  const { sessionId } = await params;
  const id = decodeRouteParam(sessionId);
  const data = id === null ? null : await getSessionExport(id);
  if (!data) notFound();
  await recordAccess(viewer, { action: "session.exported", customer: data.session.userReference, session: data.session.id, target: "print" });
  const { session, events } = data;
  // Notes only for a viewer who may see customers: null leaves the section out.
  const notes = await exportedNotes(viewer, session.id);
  const eventTime = (e: (typeof events)[number]) =>
    String(e.event.time ?? e.event.recordedtime)
      .replace("T", " ")
      .slice(0, 19);
  const start = Date.parse(session.startedAt);
  return (
    // A sheet of paper whatever the colour scheme: light colours only inside it, and light form controls.
    <article className="mx-auto max-w-3xl space-y-4 rounded bg-white p-6 text-sm text-slate-900 [color-scheme:light] print:p-0">
      <nav aria-label="Summary actions" className="flex flex-wrap items-center gap-3 print:hidden">
        <Link href={`/sessions/${encodeURIComponent(session.id)}`} className="text-sky-700 hover:underline">
          ← Back to the replay
        </Link>
        <PrintButton />
      </nav>
      <header>
        <h1 className="text-xl font-semibold">Session summary</h1>
        <p>
          Session {session.id} · {session.userId ? `user ${session.userId}` : `visitor ${session.anonymousId}`} · {formatWallClock(start)} to{" "}
          {formatWallClock(Date.parse(session.lastEventAt))} ({formatElapsed(session.durationMs)}) · {session.eventCount} events
        </p>
        <p className="text-xs text-slate-600">Reconstructed from the event store, folded by {data.journeyVersion.label}; times are event times in UTC.</p>
        {/* For evidence: who printed it and when (the access log has the same as session.exported). */}
        <p className="text-xs text-slate-600">
          Printed by {viewerLabel(viewer)} at {formatWallClock(Date.now())}
        </p>
      </header>
      <LeftOffCard sheet lastStep={session.lastStep} resumePoint={session.resumePoint as never} outcome={session.outcome} endReason={session.endReason} />
      <table className="w-full border-collapse text-xs">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th className="py-1 pr-2">Time (UTC)</th>
            <th className="py-1 pr-2">Service</th>
            <th className="py-1">What happened</th>
          </tr>
        </thead>
        <tbody>
          {timelineRows(events.length, data.removed).map((row) => {
            if (row.kind === "gap") {
              return (
                // A removed event where it was: its time and type from its tombstone, and which rule removed it when.
                <tr key={`gap-${row.gap.position}`} data-removed="" className="border-b border-slate-100 align-top italic text-slate-600">
                  <td className="whitespace-nowrap py-1 pr-2 font-mono">{row.gap.occurredAt.replace("T", " ").slice(0, 19)}</td>
                  <td className="py-1 pr-2">{row.gap.type}</td>
                  <td className="py-1">{gapWords(row.gap)}</td>
                </tr>
              );
            }
            const e = events[row.index]!;
            return (
              <tr key={e.event.position} className="border-b border-slate-100 align-top">
                <td className="whitespace-nowrap py-1 pr-2 font-mono">{eventTime(e)}</td>
                <td className="py-1 pr-2">{e.service}</td>
                <td className="py-1">{e.description}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {notes && <PrintedNotes notes={notes} times={events.map(eventTime)} />}
    </article>
  );
}
