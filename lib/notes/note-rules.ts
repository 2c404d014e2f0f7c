import { z } from "zod";
import type { Viewer } from "../access/viewer";
import { viewerCan } from "../access/viewer-can";

/** A note's text: what the person typed, 1 to 2,000 characters once the ends are trimmed. */
export const NOTE_MAX_CHARS = 2_000;

export const noteTextSchema = z
  .string({ error: "text: a note's text is required" })
  .trim()
  .min(1, { error: "text: a note cannot be empty" })
  .max(NOTE_MAX_CHARS, { error: `text: a note holds at most ${NOTE_MAX_CHARS.toLocaleString("en-GB")} characters` });

export const noteIdSchema = z.string({ error: "note: a note id is required" }).trim().min(1, { error: "note: a note id is required" }).max(100);

/** The moment a new note is pinned to: the session, and the event's index in it. */
export const newNoteSchema = z.object({
  sessionId: z.string({ error: "session: a session id is required" }).trim().min(1, { error: "session: a session id is required" }).max(200),
  seq: z.number({ error: "seq: the event's index in the session is required" }).int({ error: "seq: a whole number" }).min(0, { error: "seq: 0 or more" }),
  text: noteTextSchema,
});

/**
 * Notes are free text that detectors will not always catch ("spoke to Jane Doe"): they are for
 * those allowed to see customers (agents, auditors, admins, and a service key given users.find),
 * never for analysts or a key without it. Writing is `notes.write` (agents, admins).
 */
export function mayReadNotes(viewer: Viewer): boolean {
  return viewerCan(viewer, "users.find");
}

export function mayWriteNotes(viewer: Viewer): boolean {
  return viewer.kind === "user" && viewerCan(viewer, "notes.write");
}

/**
 * Only the author changes a note's words: an edit by anyone else would put words in their name.
 * The author, or an admin, deletes it: an admin removes what should not have been written (a card
 * number typed in full) when its author has left. Every change is in the access log either way.
 */
export function mayEditNote(viewer: Viewer, note: { authorId: string }): boolean {
  return mayWriteNotes(viewer) && note.authorId === viewer.id;
}

export function mayDeleteNote(viewer: Viewer, note: { authorId: string }): boolean {
  return mayWriteNotes(viewer) && (note.authorId === viewer.id || viewer.role === "admin");
}

/** The link that opens a replay at a note's moment with the note open. */
export function noteHref(note: { id: string; sessionId: string; seq: number }): string {
  return `/sessions/${encodeURIComponent(note.sessionId)}?${new URLSearchParams({ at: String(note.seq), note: note.id })}`;
}
