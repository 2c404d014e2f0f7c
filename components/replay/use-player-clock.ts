"use client";

import { useEffect } from "react";
import type { PlayerAction } from "@/lib/replay/player-machine";

/** Drives a playing player with animation frames: the machine gets the elapsed time, nothing else. */
export function usePlayerClock(playing: boolean, dispatch: (a: PlayerAction) => void) {
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let frame = requestAnimationFrame(function step(now) {
      dispatch({ type: "TICK", elapsedMs: now - last });
      last = now;
      frame = requestAnimationFrame(step);
    });
    return () => cancelAnimationFrame(frame);
  }, [playing, dispatch]);
}
