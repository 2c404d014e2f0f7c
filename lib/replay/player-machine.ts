/**
 * The replay player as a pure state machine (after the rrweb / PostHog players): no clock of its
 * own (TICK carries the time that passed), no rendering. Components dispatch and render.
 */
import { lastIndexAtOrBefore } from "./sorted-search";

export type PlayerStatus = "paused" | "playing" | "ended";

export interface PlayerState {
  status: PlayerStatus;
  /** session time at the playhead, epoch ms */
  time: number;
  /** index of the event at the playhead: the last event at or before `time` */
  index: number;
  speed: number;
  skipInactivity: boolean;
  /** while live, keep the playhead at the newest event */
  follow: boolean;
  /** event times in session order (ascending) */
  times: readonly number[];
}

export type PlayerAction =
  | { type: "PLAY" }
  | { type: "PAUSE" }
  | { type: "TOGGLE" }
  | { type: "SEEK_INDEX"; index: number }
  | { type: "SEEK_TIME"; time: number }
  | { type: "STEP"; by: 1 | -1 }
  | { type: "TICK"; elapsedMs: number }
  | { type: "SET_SPEED"; speed: number }
  | { type: "FASTER" }
  | { type: "SLOWER" }
  | { type: "SET_SKIP_INACTIVITY"; skip: boolean }
  | { type: "SET_FOLLOW"; follow: boolean }
  | { type: "APPEND"; times: readonly number[] };

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;
/** With skip inactivity on, a pause in the session longer than this is jumped over. */
export const INACTIVITY_MS = 10_000;
/** How far before the next event a skip lands, so the jump is visible. */
const SKIP_LEAD_MS = 500;

/** The last index whose time is ≤ `time` (binary search; -1 before the first event). */
export function indexAt(times: readonly number[], time: number): number {
  return lastIndexAtOrBefore(times, time);
}

/**
 * Paused at event `index`, or, given `elapsedMs` (a moment link's `?t=`), at that time since the first
 * event: the playhead keeps the time between two events, and the index follows from it.
 */
export function initialPlayerState(times: readonly number[], index = 0, elapsedMs: number | null = null): PlayerState {
  const i = times.length === 0 ? -1 : Math.min(Math.max(index, 0), times.length - 1);
  const paused: PlayerState = { status: "paused", time: i >= 0 ? times[i]! : 0, index: i, speed: 1, skipInactivity: true, follow: false, times };
  if (elapsedMs === null || times.length === 0) return paused;
  return { ...playerReducer(paused, { type: "SEEK_TIME", time: times[0]! + elapsedMs }), status: "paused" };
}

/** A moment link's `?t=`: seconds since the session's first event, to the millisecond ("66" or "66.4"). */
export function formatMomentTime(elapsedMs: number): string {
  return String(Math.round(Math.max(0, elapsedMs)) / 1000);
}

/** `?t=` back to milliseconds; null for anything else than a plain non-negative number of seconds. */
export function parseMomentTime(value: unknown): number | null {
  return typeof value === "string" && /^\d{1,9}(\.\d{1,3})?$/.test(value) ? Math.round(Number(value) * 1000) : null;
}

const clampIndex = (s: PlayerState, i: number) => Math.min(Math.max(i, 0), s.times.length - 1);
const last = (s: PlayerState) => s.times.length - 1;

function atIndex(s: PlayerState, index: number): PlayerState {
  if (s.times.length === 0) return s;
  const i = clampIndex(s, index);
  return { ...s, index: i, time: s.times[i]!, status: s.status === "ended" && i < last(s) ? "paused" : s.status };
}

function tick(s: PlayerState, elapsedMs: number): PlayerState {
  if (s.status !== "playing" || s.times.length === 0) return s;
  let time = s.time + elapsedMs * s.speed;
  const end = s.times[last(s)]!;
  if (s.skipInactivity) {
    const next = s.times[s.index + 1];
    if (next !== undefined && next - s.times[s.index]! > INACTIVITY_MS && time < next - SKIP_LEAD_MS) {
      time = Math.max(time, next - SKIP_LEAD_MS);
    }
  }
  if (time >= end) return { ...s, time: end, index: last(s), status: s.follow ? "playing" : "ended" };
  return { ...s, time, index: indexAt(s.times, time) };
}

export function playerReducer(s: PlayerState, action: PlayerAction): PlayerState {
  switch (action.type) {
    case "PLAY":
      if (s.times.length === 0) return s;
      if (s.follow) return { ...s, status: "playing" };
      // Playing at the end starts again from the beginning.
      return s.status === "ended" || s.index === last(s) ? { ...atIndex(s, 0), status: "playing" } : { ...s, status: "playing" };
    case "PAUSE":
      return s.status === "playing" ? { ...s, status: "paused" } : s;
    case "TOGGLE":
      return playerReducer(s, { type: s.status === "playing" ? "PAUSE" : "PLAY" });
    case "SEEK_INDEX":
      return { ...atIndex(s, action.index), follow: false };
    case "SEEK_TIME": {
      if (s.times.length === 0) return s;
      const time = Math.min(Math.max(action.time, s.times[0]!), s.times[last(s)]!);
      return { ...s, time, index: Math.max(0, indexAt(s.times, time)), follow: false, status: s.status === "ended" ? "paused" : s.status };
    }
    case "STEP":
      return { ...atIndex(s, s.index + action.by), follow: false };
    case "TICK":
      return tick(s, action.elapsedMs);
    case "SET_SPEED":
      return SPEEDS.includes(action.speed as (typeof SPEEDS)[number]) ? { ...s, speed: action.speed } : s;
    case "FASTER":
      return { ...s, speed: SPEEDS[Math.min(SPEEDS.indexOf(s.speed as (typeof SPEEDS)[number]) + 1, SPEEDS.length - 1)]! };
    case "SLOWER":
      return { ...s, speed: SPEEDS[Math.max(SPEEDS.indexOf(s.speed as (typeof SPEEDS)[number]) - 1, 0)]! };
    case "SET_SKIP_INACTIVITY":
      return { ...s, skipInactivity: action.skip };
    case "SET_FOLLOW":
      return action.follow ? { ...atIndex({ ...s, follow: true }, last(s)), follow: true } : { ...s, follow: false };
    case "APPEND": {
      const times = [...s.times, ...action.times];
      const grown = { ...s, times, status: s.status === "ended" && !s.follow ? ("paused" as const) : s.status };
      return s.follow ? atIndex(grown, times.length - 1) : grown;
    }
    default: {
      const exhaustive: never = action;
      return exhaustive;
    }
  }
}
