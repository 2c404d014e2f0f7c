import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RevealableReplay } from "@/components/replay/revealable-replay";
import { SetAsideEvents } from "@/components/replay/set-aside-events";
import { getSetAsideEventsOfSession } from "@/lib/data/dead-letters";
import { can } from "@/lib/access/roles";
import { getReplayIndex } from "@/lib/data/replay";
import { getWhatIfDraft } from "@/lib/data/what-if-page";
import { recordAccess } from "@/lib/data/audit";
import { issueReplayView } from "@/lib/data/reveal";
import { requireViewer } from "@/lib/data/viewer";
import { arrivedFromAnotherSite, requestedPage } from "@/lib/data/cross-site";
import { OpenFromElsewhere } from "@/components/access/open-from-elsewhere";
import { decodeRouteParam } from "@/lib/api/route-param";
import { parseMomentTime } from "@/lib/replay/player-machine";
import { notesOfSession } from "@/lib/data/notes";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Session replay" };

export default async function SessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const viewer = await requireViewer("sessions.replay");
  const { sessionId } = await params;
  if (await arrivedFromAnotherSite()) return <OpenFromElsewhere href={await requestedPage(`/sessions/${sessionId}`)} what="this session's replay" />;
  const { at, t, whatIf, note } = await searchParams;
  const id = decodeRouteParam(sessionId);
  const replay = id === null ? null : await getReplayIndex(id);
  if (!replay) notFound();
  const { session } = replay;
  await recordAccess(viewer, { action: "replay.viewed", customer: session.userReference, session: session.id, target: `/sessions/${session.id}` });
  // Notes may name the customer: only for those who may see customers (never analysts).
  const notes = await notesOfSession(viewer, session.id);
  // A note's link opens at its event as the session is folded now (`?at=` may be older than a late event).
  const openNote = notes.find((n) => n.id === note) ?? null;
  const requested = openNote ? openNote.seq : typeof at === "string" && /^\d+$/.test(at) ? Number(at) : null;
  // Without a moment in the link, open where they left off: the last event.
  const initialIndex = Math.min(requested ?? replay.times.length - 1, replay.times.length - 1);
  // `?t=` keeps the playhead's time (between two events, too); it wins over `?at=`, which it implies.
  const initialElapsedMs = parseMomentTime(t);
  const grant = await issueReplayView(viewer, session.id);
  const allowed = {
    reveal: can(viewer.role, "personal-data.reveal"),
    export: can(viewer.role, "sessions.export"),
    findUsers: can(viewer.role, "users.find"),
    resumeLinks: can(viewer.role, "resume-links.create"),
    flows: can(viewer.role, "events.explore"),
    notes: can(viewer.role, "users.find"),
    writeNotes: can(viewer.role, "notes.write"),
  };
  const setAside = await getSetAsideEventsOfSession(session.id);
  // A what-if's draft beside the current state: the draft is an admin's, as is the what-if.
  const draft = typeof whatIf === "string" && can(viewer.role, "admin.manage") ? await getWhatIfDraft(whatIf) : null;
  return (
    <>
      <RevealableReplay
        key={session.id}
        replay={replay}
        initialIndex={initialIndex}
        initialElapsedMs={initialElapsedMs}
        grant={grant}
        allowed={allowed}
        whatIf={draft}
        notes={notes}
        openNote={openNote?.id ?? null}
      />
      <SetAsideEvents events={setAside} />
    </>
  );
}
