"use client";

import { SPEEDS, type PlayerAction, type PlayerState } from "@/lib/replay/player-machine";
import { formatElapsed, formatWallClock } from "./format-time";

const button =
  "rounded border border-slate-300 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 " +
  "focus:outline-none focus-visible:ring-2 focus-visible:ring-amber-500 disabled:opacity-40 dark:border-slate-600 dark:bg-slate-800 dark:hover:bg-slate-700";

export function PlayerControls({
  player,
  dispatch,
  start,
  types,
  onNextOfType,
  live,
}: {
  player: PlayerState;
  dispatch: (a: PlayerAction) => void;
  start: number;
  types: string[];
  onNextOfType: (type: string) => void;
  live: boolean;
}) {
  const playing = player.status === "playing";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className={`${button} w-20 font-medium`} onClick={() => dispatch({ type: playing ? "PAUSE" : "PLAY" })}>
        {playing ? "Pause" : "Play"}
      </button>
      <button type="button" className={button} aria-label="Previous event" onClick={() => dispatch({ type: "STEP", by: -1 })} disabled={player.index <= 0}>
        ◀
      </button>
      <button
        type="button"
        className={button}
        aria-label="Next event"
        onClick={() => dispatch({ type: "STEP", by: 1 })}
        disabled={player.index >= player.times.length - 1}
      >
        ▶
      </button>
      <label className="flex items-center gap-1 text-sm">
        <span className="sr-only">Speed</span>
        <select
          aria-label="Speed"
          value={player.speed}
          onChange={(e) => dispatch({ type: "SET_SPEED", speed: Number(e.target.value) })}
          className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <label className="flex items-center gap-1.5 text-sm">
        <input type="checkbox" checked={player.skipInactivity} onChange={(e) => dispatch({ type: "SET_SKIP_INACTIVITY", skip: e.target.checked })} />
        Skip inactivity
      </label>
      <label className="flex items-center gap-1 text-sm">
        <span className="text-slate-500 dark:text-slate-400">Next</span>
        <select
          aria-label="Jump to the next event of type"
          defaultValue=""
          onChange={(e) => {
            if (e.target.value) onNextOfType(e.target.value);
            e.target.value = "";
          }}
          className="max-w-52 rounded border border-slate-300 bg-white px-1.5 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
        >
          <option value="">event of type…</option>
          {types.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      {live && (
        <label className="flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={player.follow} onChange={(e) => dispatch({ type: "SET_FOLLOW", follow: e.target.checked })} />
          Follow live
        </label>
      )}
      <div className="ml-auto text-right font-mono text-xs tabular-nums text-slate-600 dark:text-slate-300" aria-live="off">
        <div data-testid="elapsed">
          {formatElapsed(player.time - start)} / {formatElapsed((player.times[player.times.length - 1] ?? start) - start)}
        </div>
        <div>{formatWallClock(player.time)}</div>
      </div>
    </div>
  );
}
