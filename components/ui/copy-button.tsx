"use client";

import { COPY_BY_HAND, useCopy } from "../hooks/use-copy";

const BUTTON =
  "rounded border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800";

/** Copies a value shown once (a key, a temporary password, a digest) so nobody retypes it. */
export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const { state, copy } = useCopy();
  return (
    <button type="button" onClick={(event) => copy(text, event.currentTarget)} className={BUTTON}>
      {state === "copied" ? "Copied" : state === "by-hand" ? COPY_BY_HAND : label}
    </button>
  );
}
