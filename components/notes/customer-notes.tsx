import Link from "next/link";
import type { NoteJson } from "@/lib/notes/note-json";
import { noteHref } from "@/lib/notes/note-rules";
import { formatWallClock } from "../replay/format-time";
import { Card } from "../ui/card";

/** The customer's notes across their sessions, newest first: each opens its replay at the note's moment, the note open. */
export function CustomerNotes({ notes }: { notes: NoteJson[] }) {
  return (
    <Card aria-label="Notes" className="space-y-2 text-sm">
      <h2 className="font-semibold">Notes</h2>
      {notes.length === 0 ? (
        <p className="text-slate-500 dark:text-slate-400">No notes on this customer&apos;s sessions.</p>
      ) : (
        <ul className="divide-y divide-slate-100 dark:divide-slate-800">
          {notes.map((note) => (
            <li key={note.id} className="space-y-0.5 py-2">
              <p className="whitespace-pre-wrap break-words">{note.text}</p>
              <p className="text-xs text-slate-500 dark:text-slate-400">
                {note.author} · {formatWallClock(Date.parse(note.createdAt))}
                {note.edited ? " · edited" : ""} ·{" "}
                <Link href={noteHref(note)} className="text-amber-700 hover:underline dark:text-amber-400">
                  event {note.seq + 1} of session {note.sessionId}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
