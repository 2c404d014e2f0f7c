"use client";

import { flowHref } from "@/lib/explorer/event-address";
import { customerHref } from "@/lib/users/customer-href";
import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import type { ReplayIndex } from "@/lib/data/replay";
import { toJourneyEventFromJson } from "@/lib/replay/from-cloud-event";
import { momentAt, withPlaces } from "@/lib/replay/moment";
import { formatMomentTime, initialPlayerState, playerReducer } from "@/lib/replay/player-machine";
import { dataJourney } from "@/lib/journeys/definition/data-journey";
import type { JourneyDefinition } from "@/lib/journeys/journey-definition";
import { journeyByName } from "@/lib/journeys/registry";
import { SNAPSHOT_EVERY } from "@/lib/sessions/session-block";
import { MaskedFields } from "../privacy/masked-fields";
import { ResumeLinkButton } from "../resume/resume-link-button";
import { FoldProgress } from "./fold-progress";
import { RevealSessionButton } from "../privacy/reveal-session-button";
import { EventList } from "./event-list";
import { LeftOffCard } from "./left-off-card";
import { Badge } from "../ui/badge";
import { LinkButton } from "../ui/button";
import { ExportButtons } from "./export-buttons";
import { NotesPanel } from "../notes/notes-panel";
import type { ReplayNotes } from "../notes/use-replay-notes";
import { Card } from "../ui/card";
import { PlayerControls } from "./player-controls";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { StatePanels } from "./state-panels";
import type { WhatIfDraft } from "@/lib/data/what-if-page";
import { Notice } from "../ui/notice";
import { TimelineScrubber } from "./timeline-scrubber";
import { useReplayBlock, type ReplayGrant } from "./use-replay-block";
import { usePlayerClock } from "./use-player-clock";
import { usePlayerKeys } from "./use-player-keys";
import { useLiveSession } from "./use-live-session";
import { useSessionFold } from "./use-session-fold";
import { CopyMomentButton } from "./copy-moment-button";

export interface ReplayPermissions {
  reveal: boolean;
  resumeLinks: boolean;
  export: boolean;
  findUsers: boolean;
  /** the flows page (auditors, admins) */
  flows: boolean;
  /** notes: read (users.find), write (notes.write) */
  notes: boolean;
  writeNotes: boolean;
}

export function ReplayView({
  replay: initial,
  initialIndex,
  initialElapsedMs = null,
  view,
  allowed,
  onRevealed,
  whatIf = null,
  notes,
}: {
  replay: ReplayIndex;
  /** the session's notes and the one open (held above, so a reveal keeps them) */
  notes: ReplayNotes;
  /** a what-if's draft (`?whatIf=<id>`, admins): its state panel beside the current one */
  whatIf?: WhatIfDraft | null;
  initialIndex: number;
  /** a moment link's `?t=` (ms since the first event): the playhead opens at that time, the index following */
  initialElapsedMs?: number | null;
  /** the grant from the page load, or from a reveal */
  view: ReplayGrant;
  /** what this viewer's role may do from here (the server checks again) */
  allowed: ReplayPermissions;
  onRevealed?: (grant: string, replay: ReplayIndex, index: number, elapsedMs: number) => void;
}) {
  const [replay, setReplay] = useState(initial);
  const queryClient = useQueryClient();
  const { session } = replay;
  const [player, dispatch] = useReducer(playerReducer, initialPlayerState(initial.times, initialIndex, initialElapsedMs));
  const live = session.endReason === "open";
  useLiveSession(session.id, replay.times.length, live, view, (tail) => {
    // A late event that lands before the end reorders the session: reload rather than append.
    if (tail.times.length > 0 && tail.times[0]! < (replay.times[replay.times.length - 1] ?? 0)) {
      window.location.reload();
      return;
    }
    setReplay((r) => ({
      ...r,
      session: tail.session,
      times: [...r.times, ...tail.times],
      types: [...r.types, ...tail.types],
      services: [...r.services, ...tail.services],
      descriptions: [...r.descriptions, ...tail.descriptions],
    }));
    if (tail.times.length > 0) {
      dispatch({ type: "APPEND", times: tail.times });
      // The block that held the old last event now has more events: read it again.
      void queryClient.invalidateQueries({ queryKey: ["replay-block", session.id, Math.floor((replay.times.length - 1) / SNAPSHOT_EVERY)] });
    }
  });
  const [help, setHelp] = useState(false);
  const toggleHelp = useCallback(() => setHelp((h) => !h), []);
  usePlayerClock(player.status === "playing", dispatch);
  usePlayerKeys(dispatch, toggleHelp);

  // The moment is in the URL, so a pasted link opens the same event at the same time (`t`, which
  // may fall between two events). While playing, the URL moves with each event (at its time), not each frame.
  const elapsedMs = Math.max(0, player.time - (player.times[0] ?? player.time));
  const urlElapsedMs = player.status === "playing" ? (player.times[player.index] ?? 0) - (player.times[0] ?? 0) : elapsedMs;
  useEffect(() => {
    const url = new URL(window.location.href);
    const t = formatMomentTime(urlElapsedMs);
    if (url.searchParams.get("at") === String(player.index) && url.searchParams.get("t") === t) return;
    url.searchParams.set("at", String(player.index));
    url.searchParams.set("t", t);
    window.history.replaceState(null, "", url);
  }, [player.index, urlElapsedMs]);

  // A data journey folds from its definition here too; a built-in one is code the bundle holds.
  const definition = useMemo(
    () => (replay.journeyDocument ? (dataJourney(replay.journeyDocument) as JourneyDefinition<unknown>) : journeyByName(session.journey)),
    [replay.journeyDocument, session.journey],
  );
  const { block, loading, error } = useReplayBlock(session.id, player.index, replay.times.length, view);
  const blockEvents = useMemo(() => block?.events.map(toJourneyEventFromJson) ?? [], [block]);
  const draftDefinition = useMemo(() => (whatIf ? (dataJourney(whatIf.document) as JourneyDefinition<unknown>) : null), [whatIf]);
  const { fold, draftFold, loaded } = useSessionFold(session.id, replay.times.length, definition, view.grant, draftDefinition);
  const draftMoment = useMemo(
    () => (draftFold && player.index >= 0 && player.index < loaded ? draftFold.momentAt(player.index) : null),
    [draftFold, player.index, loaded],
  );
  const moment = useMemo(() => {
    if (player.index < 0) return null;
    // The whole-session fold answers at once; the block around the playhead covers the time it loads.
    const folded = player.index < loaded ? fold.momentAt(player.index) : null;
    if (folded) return folded;
    if (!block || player.index < block.fromSeq || player.index >= block.fromSeq + block.events.length) return null;
    // A partly purged session's later blocks carry no state (docs/retention-read-models.md): the whole fold answers.
    if (block.fromSeq > 0 && block.state === null) return null;
    return momentAt(definition, block.state, blockEvents, player.index - block.fromSeq);
  }, [block, blockEvents, definition, player.index, fold, loaded]);
  const selected = block?.events[player.index - (block?.fromSeq ?? 0)] ?? null;
  const types = useMemo(() => [...new Set(replay.types)].sort(), [replay.types]);
  const seekIndex = (index: number) => dispatch({ type: "SEEK_INDEX", index });
  const nextOfType = (type: string) => {
    const next = replay.types.findIndex((t, i) => i > player.index && t === type);
    if (next >= 0) dispatch({ type: "SEEK_INDEX", index: next });
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            {session.userId && allowed.findUsers ? (
              <Link className="text-amber-700 hover:underline dark:text-amber-400" href={customerHref(session.userId, session.userReference)}>
                {session.userId}
              </Link>
            ) : (
              (session.userId ?? `visitor ${session.anonymousId}`)
            )}{" "}
            · session {session.id} · <span data-testid="journey-version">folded by {replay.journeyVersion.label}</span>
          </p>
          <h1 className="flex items-center gap-2 text-xl font-semibold">
            Session replay · {replay.times.length.toLocaleString("en-GB")} events
            {replay.removed.length > 0 && (
              <span data-testid="removed-count" className="text-sm font-normal text-slate-600 dark:text-slate-300">
                · {replay.removed.length.toLocaleString("en-GB")} removed by retention
              </span>
            )}
            {live && (
              <Badge tone="sky" role="status" className="flex items-center gap-1">
                <span aria-hidden className="h-2 w-2 animate-pulse rounded-full bg-sky-500" /> Live
              </Badge>
            )}
          </h1>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {replay.previousSessionId && (
            <LinkButton variant="secondary" href={`/sessions/${encodeURIComponent(replay.previousSessionId)}`}>
              ← Previous session
            </LinkButton>
          )}
          {replay.nextSessionId && (
            <LinkButton variant="secondary" href={`/sessions/${encodeURIComponent(replay.nextSessionId)}`}>
              Next session →
            </LinkButton>
          )}
          {allowed.export && <ExportButtons sessionId={session.id} />}
          {allowed.reveal && !view.revealed && onRevealed && (
            <RevealSessionButton sessionId={session.id} onRevealed={(g, r) => onRevealed(g, r, player.index, elapsedMs)} />
          )}
          {view.revealed && (
            <span role="status" className="rounded bg-red-100 px-2.5 py-1 text-xs font-medium text-red-800 dark:bg-red-950 dark:text-red-200">
              Personal data revealed for this view
            </span>
          )}
          <CopyMomentButton index={player.index} elapsedMs={elapsedMs} />
          <button
            type="button"
            onClick={toggleHelp}
            aria-label="Keyboard shortcuts"
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
          >
            ?
          </button>
        </div>
      </div>

      {whatIf && (
        <Notice role="status" tone="warning">
          What-if: the draft of <strong>{whatIf.name}</strong> (tried on {whatIf.from} to {whatIf.to}) folds this session&apos;s events beside{" "}
          {replay.journeyVersion.label}; nothing is saved.{" "}
          <Link className="underline" href={`/admin/journeys?${new URLSearchParams({ ...(whatIf.stored ? { name: whatIf.name } : {}), whatIf: whatIf.id })}`}>
            Back to the what-if
          </Link>
        </Notice>
      )}
      {allowed.resumeLinks && session.userId && session.resumePoint !== null && session.endReason !== "open" && (
        <ResumeLinkButton userId={session.userReference ?? session.userId} sessionId={session.id} />
      )}
      <LeftOffCard lastStep={session.lastStep} resumePoint={session.resumePoint as never} outcome={session.outcome} endReason={session.endReason} />

      <Card aria-label="Player" data-loaded={loaded >= replay.times.length || undefined} className="space-y-2">
        {loaded < replay.times.length && <FoldProgress times={replay.times} loaded={loaded} lastStep={session.lastStep} />}
        <PlayerControls player={player} dispatch={dispatch} start={replay.times[0] ?? 0} types={types} onNextOfType={nextOfType} live={live} />
        <TimelineScrubber
          times={replay.times}
          services={replay.services}
          descriptions={replay.descriptions}
          index={player.index}
          time={player.time}
          onSeekTime={(time) => dispatch({ type: "SEEK_TIME", time })}
          onSeekIndex={seekIndex}
          notes={notes.notes}
          openNoteId={notes.openId}
          onOpenNote={(id) => {
            notes.setOpenId(id);
            const note = notes.notes.find((n) => n.id === id);
            if (note) seekIndex(note.seq);
          }}
        />
      </Card>
      {allowed.notes && (
        <NotesPanel sessionId={session.id} notes={notes} index={player.index} times={replay.times} canWrite={allowed.writeNotes} onSeek={seekIndex} />
      )}

      <div className={`grid grid-cols-1 gap-4 ${whatIf ? "xl:grid-cols-[minmax(0,1fr)_44rem]" : "lg:grid-cols-[minmax(0,1fr)_24rem]"}`}>
        <div className="min-w-0 space-y-4">
          <EventList
            descriptions={replay.descriptions}
            types={replay.types}
            services={replay.services}
            times={replay.times}
            index={player.index}
            onSeek={seekIndex}
            gaps={replay.removed}
          />
          <section aria-label="Raw event" className="rounded-lg border border-slate-200 dark:border-slate-700">
            <h2 className="flex flex-wrap items-baseline justify-between gap-2 border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-700">
              <span>Raw event {selected ? `· ${selected.type} · position ${selected.position}` : ""}</span>
              {allowed.flows && typeof selected?.correlationid === "string" && (
                <a
                  href={flowHref(selected.correlationid, selected.position)}
                  className="text-xs font-normal text-amber-700 hover:underline dark:text-amber-400"
                >
                  Flow {selected.correlationid} across services
                </a>
              )}
            </h2>
            <pre className="max-h-72 overflow-auto bg-slate-950 p-4 font-mono text-xs text-emerald-100">
              {selected ? JSON.stringify(selected, null, 2) : loading ? "Loading…" : "—"}
            </pre>
            {selected && allowed.reveal && !view.revealed && <MaskedFields key={selected.position} event={selected} sessionId={session.id} />}
          </section>
        </div>
        <StatePanels
          moment={withPlaces(moment, replay.places)}
          draftMoment={withPlaces(draftMoment, replay.places)}
          index={player.index}
          description={replay.descriptions[player.index] ?? null}
          loading={loading}
          error={error ? "the server did not answer" : null}
          currentVersion={replay.journeyVersion.label}
          whatIf={whatIf}
        />
      </div>
      <ShortcutsDialog open={help} onClose={() => setHelp(false)} />
      <span className="sr-only">{`Blocks of ${SNAPSHOT_EVERY} events load as the playhead moves.`}</span>
    </div>
  );
}
