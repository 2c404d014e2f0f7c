import { describe, expect, it } from "vitest";
import {
  formatMomentTime,
  indexAt,
  INACTIVITY_MS,
  initialPlayerState,
  parseMomentTime,
  playerReducer as reduce,
  type PlayerAction,
  type PlayerState,
} from "./player-machine";

const T0 = 1_000_000;
// Events at 0 s, 1 s, 2 s, then a 60 s pause, then 62 s, 63 s.
const times = [T0, T0 + 1_000, T0 + 2_000, T0 + 62_000, T0 + 63_000];
const run = (s: PlayerState, ...actions: PlayerAction[]) => actions.reduce(reduce, s);

describe("the player machine", () => {
  it("starts paused at the first event", () => {
    expect(initialPlayerState(times)).toMatchObject({ status: "paused", index: 0, time: T0, speed: 1, skipInactivity: true });
  });

  it("a moment link's time opens between two events, the index following from it (not the event's time)", () => {
    const s = initialPlayerState(times, 4, 30_500);
    expect(s).toMatchObject({ status: "paused", time: T0 + 30_500, index: 2 });
    // Beyond the end it is the end; before the start there is no before.
    expect(initialPlayerState(times, 0, 999_999)).toMatchObject({ time: T0 + 63_000, index: 4, status: "paused" });
    expect(initialPlayerState([], 0, 5_000)).toMatchObject({ index: -1 });
  });

  it("?t= is seconds to the millisecond, and reads back to the same time", () => {
    for (const ms of [0, 1, 66_000, 66_400, 3_723_123]) expect(parseMomentTime(formatMomentTime(ms))).toBe(ms);
    expect(formatMomentTime(66_000)).toBe("66");
    expect(formatMomentTime(66_400)).toBe("66.4");
    for (const bad of ["", "-1", "1e3", "abc", "1.2345", undefined, ["1"]]) expect(parseMomentTime(bad)).toBeNull();
  });

  it("plays and pauses; ticks move the playhead by elapsed time × speed", () => {
    const s = run(initialPlayerState(times), { type: "PLAY" }, { type: "TICK", elapsedMs: 1_500 });
    expect(s).toMatchObject({ status: "playing", index: 1, time: T0 + 1_500 });
    expect(run(s, { type: "PAUSE" }, { type: "TICK", elapsedMs: 5_000 })).toMatchObject({ status: "paused", time: T0 + 1_500 });
  });

  it.each([0.5, 1, 2, 4, 8, 16])("ticks at %s×", (speed) => {
    const s = run(
      initialPlayerState(times),
      { type: "SET_SPEED", speed },
      { type: "SET_SKIP_INACTIVITY", skip: false },
      { type: "PLAY" },
      { type: "TICK", elapsedMs: 100 },
    );
    expect(s.time).toBe(T0 + 100 * speed);
  });

  it("refuses speeds outside 0.5–16× and steps through them with FASTER/SLOWER", () => {
    expect(run(initialPlayerState(times), { type: "SET_SPEED", speed: 3 }).speed).toBe(1);
    expect(run(initialPlayerState(times), { type: "FASTER" }, { type: "FASTER" }).speed).toBe(4);
    expect(run(initialPlayerState(times), { type: "SLOWER" }, { type: "SLOWER" }).speed).toBe(0.5);
    expect(run(initialPlayerState(times), ...Array(9).fill({ type: "FASTER" })).speed).toBe(16);
  });

  it("skips inactivity: a long pause is jumped over, short ones are not", () => {
    const playing = run(initialPlayerState(times), { type: "SEEK_INDEX", index: 2 }, { type: "PLAY" });
    const skipped = run(playing, { type: "TICK", elapsedMs: 100 });
    expect(skipped.time).toBe(T0 + 62_000 - 500);
    const real = run(playing, { type: "SET_SKIP_INACTIVITY", skip: false }, { type: "TICK", elapsedMs: 100 });
    expect(real.time).toBe(T0 + 2_100);
    // A gap shorter than the threshold plays in real time.
    const short = run(initialPlayerState(times), { type: "PLAY" }, { type: "TICK", elapsedMs: 100 });
    expect(short.time).toBe(T0 + 100);
    expect(times[3]! - times[2]!).toBeGreaterThan(INACTIVITY_MS);
  });

  it("ends at the last event, and playing again starts over", () => {
    const ended = run(initialPlayerState(times), { type: "PLAY" }, { type: "TICK", elapsedMs: 10 * 60_000 });
    expect(ended).toMatchObject({ status: "ended", index: 4, time: T0 + 63_000 });
    expect(run(ended, { type: "PLAY" })).toMatchObject({ status: "playing", index: 0 });
  });

  it("seeks by index and by time, clamped to the session", () => {
    const s = initialPlayerState(times);
    expect(run(s, { type: "SEEK_INDEX", index: 3 })).toMatchObject({ index: 3, time: T0 + 62_000 });
    expect(run(s, { type: "SEEK_INDEX", index: 99 }).index).toBe(4);
    expect(run(s, { type: "SEEK_TIME", time: T0 + 30_000 })).toMatchObject({ index: 2, time: T0 + 30_000 });
    expect(run(s, { type: "SEEK_TIME", time: 0 })).toMatchObject({ index: 0, time: T0 });
    expect(run(s, { type: "STEP", by: 1 }, { type: "STEP", by: 1 }, { type: "STEP", by: -1 }).index).toBe(1);
    expect(run(s, { type: "STEP", by: -1 }).index).toBe(0);
  });

  it("live: appended events extend the session; following keeps the playhead at the end", () => {
    const paused = run(initialPlayerState(times), { type: "APPEND", times: [T0 + 70_000] });
    expect(paused).toMatchObject({ index: 0, status: "paused" });
    expect(paused.times).toHaveLength(6);
    const following = run(initialPlayerState(times), { type: "SET_FOLLOW", follow: true }, { type: "PLAY" });
    expect(following.index).toBe(4);
    const grown = run(following, { type: "APPEND", times: [T0 + 70_000, T0 + 71_000] });
    expect(grown).toMatchObject({ index: 6, time: T0 + 71_000, status: "playing", follow: true });
    // While playing without follow, an ended player resumes being seekable past the old end.
    const ended = run(initialPlayerState(times), { type: "PLAY" }, { type: "TICK", elapsedMs: 999_999 });
    expect(run(ended, { type: "APPEND", times: [T0 + 80_000] }).status).toBe("paused");
    // A seek stops following.
    expect(run(grown, { type: "SEEK_INDEX", index: 1 }).follow).toBe(false);
  });

  it("finds the event at a time by binary search", () => {
    expect(indexAt(times, T0 - 1)).toBe(-1);
    expect(indexAt(times, T0)).toBe(0);
    expect(indexAt(times, T0 + 61_999)).toBe(2);
    expect(indexAt(times, T0 + 1e9)).toBe(4);
  });
});
