"use client";

import { useEffect } from "react";

export const SHORTCUTS = [
  ["Space", "Play / pause"],
  ["← / →", "Previous / next event"],
  ["Home / End", "First / last event"],
  ["PgUp / PgDn", "10 events back / on (on the scrubber)"],
  ["↑ / ↓", "Faster / slower"],
  ["?", "Show these shortcuts"],
] as const;

export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open, onClose]);
  if (!open) return null;
  return (
    // A click beside the dialog closes it, as Escape does (handled on window above).
    // biome-ignore lint/a11y/noStaticElementInteractions: the backdrop is not a control; its click only mirrors Escape
    // biome-ignore lint/a11y/useKeyWithClickEvents: Escape, the keyboard's way to close, is handled on window
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40" onClick={onClose}>
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: only stops a click inside the dialog from reaching the backdrop */}
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Keyboard shortcuts"
        className="w-80 rounded-lg bg-white p-4 shadow-xl dark:bg-slate-800"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 className="mb-2 font-semibold">Keyboard shortcuts</h2>
        <dl className="grid grid-cols-[6rem_1fr] gap-y-1 text-sm">
          {SHORTCUTS.map(([key, what]) => (
            <div key={key} className="contents">
              <dt>
                <kbd className="rounded border border-slate-300 px-1.5 font-mono text-xs dark:border-slate-600">{key}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={onClose} className="mt-3 rounded bg-slate-900 px-3 py-1 text-sm text-white dark:bg-slate-600">
          Close
        </button>
      </div>
    </div>
  );
}
