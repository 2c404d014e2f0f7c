"use client";

import { useState } from "react";
import { deleteNoteAction, editNoteAction, type NotesResult } from "@/lib/actions/notes";
import type { NoteJson } from "@/lib/notes/note-json";
import { noteHref } from "@/lib/notes/note-rules";
import { formatWallClock } from "../replay/format-time";
import { COPY_BY_HAND, useCopy } from "../hooks/use-copy";
import { Button } from "../ui/button";
import { cx } from "../ui/class-names";
import { NoteEditor } from "./note-editor";

/** One note: its moment (a click seeks there), its words, who wrote it, and what this viewer may do with it. */
export function NoteItem({
  note,
  open,
  time,
  onOpen,
  onChanged,
}: {
  note: NoteJson;
  open: boolean;
  /** the time of the note's event */
  time: number | undefined;
  onOpen: () => void;
  onChanged: (result: Extract<NotesResult, { ok: true }>) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { state: copyState, copy } = useCopy();
  const answered = (result: NotesResult) => {
    if (!result.ok) return setError(result.error);
    setError(null);
    setEditing(false);
    onChanged(result);
  };
  return (
    <li
      aria-label={`Note at event ${note.seq + 1}`}
      aria-current={open || undefined}
      className={cx(
        "space-y-1 rounded border p-2",
        open ? "border-violet-400 bg-violet-50 dark:border-violet-500 dark:bg-violet-950/40" : "border-slate-200 dark:border-slate-700",
      )}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-xs text-slate-500 dark:text-slate-400">
        <button type="button" onClick={onOpen} className="font-medium text-violet-700 hover:underline dark:text-violet-300">
          Event {note.seq + 1}
          {time !== undefined ? ` · ${formatWallClock(time)}` : ""}
        </button>
        <span>
          {note.author} · {formatWallClock(Date.parse(note.createdAt))}
          {note.edited ? " · edited" : ""}
        </span>
      </div>
      {editing ? (
        <NoteEditor
          label="Edit the note"
          initial={note.ownText ?? note.text}
          submitLabel="Save"
          onSubmit={async (text) => answered(await editNoteAction(note.id, text))}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="whitespace-pre-wrap break-words text-sm">{note.text}</p>
      )}
      {open && !editing && (
        <div className="flex flex-wrap items-center gap-2 pt-1">
          <Button variant="outline" onClick={(e) => copy(new URL(noteHref(note), window.location.origin).toString(), e.currentTarget)}>
            {copyState === "copied" ? "Link copied" : copyState === "by-hand" ? COPY_BY_HAND : "Copy link to this note"}
          </Button>
          {note.mayEdit && (
            <Button variant="outline" onClick={() => setEditing(true)}>
              Edit
            </Button>
          )}
          {note.mayDelete &&
            (confirming ? (
              <>
                <span className="text-xs">Delete this note?</span>
                <Button variant="danger" onClick={async () => answered(await deleteNoteAction(note.id))}>
                  Yes, delete
                </Button>
                <Button variant="outline" onClick={() => setConfirming(false)}>
                  Keep it
                </Button>
              </>
            ) : (
              <Button variant="danger" onClick={() => setConfirming(true)}>
                Delete
              </Button>
            ))}
        </div>
      )}
      {error && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
    </li>
  );
}
