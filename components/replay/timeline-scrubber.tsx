"use client";

import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";
import { indexAt } from "@/lib/replay/player-machine";
import { buildTrack, markerColumns } from "@/lib/replay/timeline-track";
import { formatWallClock } from "./format-time";
import { colorOf } from "./service-colors";

/** Pauses longer than this are drawn compressed and hatched (playing skips shorter ones too). */
const TRACK_GAP_MS = 2 * 60_000;
const HOVER_LABEL =
  "pointer-events-none absolute top-0 z-10 -translate-x-1/2 whitespace-nowrap rounded bg-slate-900 px-2 py-1 text-xs text-white shadow dark:bg-slate-700";
const TRACK =
  "relative h-10 cursor-pointer rounded-md border border-slate-200 bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 " +
  "dark:border-slate-700 dark:bg-slate-900";

/**
 * The track: event markers coloured by service (bucketed per pixel, so a 100,000-event session
 * draws as fast as a short one), compressed inactivity gaps hatched, and the playhead as an ARIA
 * slider whose value is the index of the event at the playhead.
 */
export function TimelineScrubber({
  times,
  services,
  descriptions,
  index,
  time,
  onSeekTime,
  onSeekIndex,
  notes = [],
  openNoteId = null,
  onOpenNote,
}: {
  times: readonly number[];
  services: readonly string[];
  descriptions: readonly string[];
  index: number;
  time: number;
  onSeekTime: (time: number) => void;
  onSeekIndex: (index: number) => void;
  /** notes pinned to events: a marker each above the track, which opens the note */
  notes?: readonly { id: string; seq: number; text: string }[];
  openNoteId?: string | null;
  onOpenNote?: (id: string) => void;
}) {
  const track = useMemo(() => buildTrack(times, TRACK_GAP_MS), [times]);
  const canvas = useRef<HTMLCanvasElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const [hover, setHover] = useState<{ x: number; index: number } | null>(null);
  // A ref, not state: the moves that follow a press can arrive before React renders the press
  // (a fast drag on a busy machine), and a state read in them would still say "not dragging".
  const dragging = useRef(false);

  useEffect(() => {
    const c = canvas.current;
    if (!c) return;
    const width = Math.max(1, Math.floor(c.clientWidth * window.devicePixelRatio));
    const height = Math.max(1, Math.floor(c.clientHeight * window.devicePixelRatio));
    c.width = width;
    c.height = height;
    const ctx = c.getContext("2d");
    if (!ctx) return;
    ctx.clearRect(0, 0, width, height);
    markerColumns(track.positions, services, width).forEach((service, x) => {
      if (!service) return;
      ctx.fillStyle = colorOf(service);
      ctx.fillRect(x, height * 0.2, Math.max(1, window.devicePixelRatio), height * 0.6);
    });
  }, [track, services]);

  const fractionAt = (clientX: number) => {
    const rect = bar.current!.getBoundingClientRect();
    return Math.min(Math.max((clientX - rect.left) / rect.width, 0), 1);
  };
  const nearestIndex = (fraction: number) => Math.max(0, indexAt(times, track.toTime(fraction)));
  const onPointer = (e: PointerEvent<HTMLDivElement>) => {
    const f = fractionAt(e.clientX);
    if (e.type === "pointerdown") {
      (e.target as HTMLElement).setPointerCapture?.(e.pointerId);
      dragging.current = true;
      onSeekTime(track.toTime(f));
    } else if (e.type === "pointermove") {
      setHover({ x: f, index: nearestIndex(f) });
      if (dragging.current) onSeekTime(track.toTime(f));
    } else if (e.type === "pointerup" || e.type === "pointercancel") dragging.current = false;
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const steps: Record<string, number> = { Home: -Infinity, End: Infinity, PageUp: -10, PageDown: 10 };
    if (e.key in steps) {
      e.preventDefault();
      e.stopPropagation();
      const by = steps[e.key]!;
      onSeekIndex(by === Infinity ? times.length - 1 : by === -Infinity ? 0 : index + by);
    }
  };
  const playhead = track.toFraction(time) * 100;

  return (
    <div className="relative select-none pt-6">
      {hover && (
        <div className={HOVER_LABEL} style={{ left: `${hover.x * 100}%` }}>
          {formatWallClock(times[hover.index]!)} · {descriptions[hover.index]}
        </div>
      )}
      {notes.map((note) => (
        <button
          key={note.id}
          type="button"
          aria-label={`Note at event ${note.seq + 1}: ${note.text.slice(0, 60)}`}
          aria-pressed={note.id === openNoteId}
          onClick={() => onOpenNote?.(note.id)}
          className={`absolute top-2 h-3 w-3 -translate-x-1/2 rotate-45 rounded-sm ring-2 ring-white dark:ring-slate-900 ${
            note.id === openNoteId ? "scale-125 bg-violet-700 dark:bg-violet-300" : "bg-violet-500 hover:bg-violet-700 dark:bg-violet-400"
          }`}
          // Kept a little inside the track's ends, so a note on the first or last event shows whole.
          style={{ left: `${Math.min(Math.max(track.toFraction(times[note.seq] ?? times[0] ?? 0), 0.005), 0.995) * 100}%` }}
        />
      ))}
      <div
        ref={bar}
        role="slider"
        tabIndex={0}
        aria-label="Playhead"
        aria-valuemin={0}
        aria-valuemax={Math.max(0, times.length - 1)}
        aria-valuenow={index}
        aria-valuetext={`Event ${index + 1} of ${times.length}: ${descriptions[index] ?? ""}`}
        onPointerDown={onPointer}
        onPointerMove={onPointer}
        onPointerUp={onPointer}
        onPointerCancel={onPointer}
        onPointerLeave={() => setHover(null)}
        onKeyDown={onKey}
        className={TRACK}
      >
        {track.gaps.map((g) => (
          <div
            key={g.afterIndex}
            title={`${Math.round(g.durationMs / 60_000)} min inactive (compressed)`}
            className="absolute inset-y-0 bg-[repeating-linear-gradient(135deg,transparent_0_4px,rgba(148,163,184,0.35)_4px_8px)]"
            style={{ left: `${g.from * 100}%`, width: `${(g.to - g.from) * 100}%` }}
          />
        ))}
        <canvas ref={canvas} className="absolute inset-0 h-full w-full" aria-hidden />
        <div className="absolute inset-y-0 left-0 rounded-l-md bg-amber-400/15" style={{ width: `${playhead}%` }} aria-hidden />
        <div
          className="absolute -top-1 -bottom-1 w-0.5 -translate-x-1/2 bg-amber-500 shadow-[0_0_0_2px_rgba(245,158,11,0.25)]"
          style={{ left: `${playhead}%` }}
          aria-hidden
        />
      </div>
    </div>
  );
}
