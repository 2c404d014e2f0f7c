"use client";

import { useEffect } from "react";
import type { PlayerAction } from "@/lib/replay/player-machine";

/** Space, ←/→, Home/End, ↑/↓ and ? anywhere on the page (the scrubber need not have focus), except while typing in a field. */
export function usePlayerKeys(dispatch: (a: PlayerAction) => void, toggleHelp: () => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      const actions: Record<string, PlayerAction> = {
        " ": { type: "TOGGLE" },
        ArrowLeft: { type: "STEP", by: -1 },
        ArrowRight: { type: "STEP", by: 1 },
        // The index is clamped: past the end is the last event.
        Home: { type: "SEEK_INDEX", index: 0 },
        End: { type: "SEEK_INDEX", index: Number.MAX_SAFE_INTEGER },
        ArrowUp: { type: "FASTER" },
        ArrowDown: { type: "SLOWER" },
      };
      if (e.key === "?") {
        e.preventDefault();
        toggleHelp();
      } else if (actions[e.key]) {
        e.preventDefault();
        dispatch(actions[e.key]!);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [dispatch, toggleHelp]);
}
