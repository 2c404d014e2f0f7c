"use client";

import { useState } from "react";
import { addNoteAction } from "@/lib/actions/notes";
import { Card } from "../ui/card";
import { NoteEditor } from "./note-editor";
import { NoteItem } from "./note-item";
import type { ReplayNotes } from "./use-replay-notes";

/**
 * The replay's notes: each pinned to one event of the session, shown on the scrubber too. Those
 * who may write (agents, admins) add one at the playhead; auditors read them.
 */
export function NotesPanel({
  sessionId,
  notes: { notes, setNotes, openId, setOpenId },
  index,
  times,
  canWrite,
  onSeek,
}: {
  sessionId: string;
  notes: ReplayNotes;
  /** the playhead's event: where a new note is pinned */
  index: number;
  times: readonly number[];
  canWrite: boolean;
  onSeek: (index: number) => void;
}) {
  const [error, setError] = useState<string | null>(null);
  // A new editor after each note added: the box starts empty again.
  const [added, setAdded] = useState(0);
  return (
    <Card aria-label="Notes" className="space-y-3">
      <h2 className="text-sm font-semibold">Notes {notes.length > 0 ? `(${notes.length})` : ""}</h2>
      {canWrite && index >= 0 && (
        <NoteEditor
          key={added}
          label={`Add a note at this moment (event ${index + 1})`}
          submitLabel="Add note"
          onSubmit={async (text) => {
            const result = await addNoteAction(sessionId, index, text);
            if (!result.ok) return setError(result.error);
            setError(null);
            setNotes(result.notes);
            setOpenId(result.noteId);
            setAdded((n) => n + 1);
          }}
        />
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {notes.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">No notes on this session yet.</p>
      ) : (
        <ul className="space-y-2">
          {notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              open={note.id === openId}
              time={times[note.seq]}
              onOpen={() => {
                setOpenId(note.id);
                onSeek(note.seq);
              }}
              onChanged={(result) => {
                setNotes(result.notes);
                setOpenId(result.noteId);
              }}
            />
          ))}
        </ul>
      )}
    </Card>
  );
}
