"use client";

import { useId, useState } from "react";
import { NOTE_MAX_CHARS } from "@/lib/notes/note-rules";
import { Button } from "../ui/button";

const AREA =
  "block w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 " +
  "dark:border-slate-600 dark:bg-slate-950 dark:text-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-violet-500";

/** A note's words being written: a labelled box, how many characters are left, and its buttons. */
export function NoteEditor({
  label,
  initial = "",
  submitLabel,
  onSubmit,
  onCancel,
}: {
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (text: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const id = useId();
  const [text, setText] = useState(initial);
  const [pending, setPending] = useState(false);
  return (
    <form
      className="space-y-1"
      onSubmit={async (e) => {
        e.preventDefault();
        setPending(true);
        await onSubmit(text);
        setPending(false);
      }}
    >
      <label htmlFor={id} className="block text-xs font-medium">
        {label}
      </label>
      {/* The limit is the server's; the box lets a few more through so the server's clear refusal is what says so. */}
      <textarea id={id} value={text} onChange={(e) => setText(e.target.value)} rows={2} maxLength={NOTE_MAX_CHARS + 100} className={AREA} />
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="action" type="submit" disabled={pending}>
          {pending ? "Saving…" : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        )}
        <span className="text-xs text-slate-500 dark:text-slate-400">{(NOTE_MAX_CHARS - text.trim().length).toLocaleString("en-GB")} characters left</span>
      </div>
    </form>
  );
}
