"use server";

import { z } from "zod";
import { ApiError } from "../http/errors";
import { addNote, editNote, notesOfSession, removeNote, type NoteJson } from "../data/notes";
import { requireViewer } from "../data/viewer";
import { newNoteSchema, noteIdSchema, noteTextSchema } from "../notes/note-rules";

/** What a note action answers: the session's notes as they are now (the one acted on named), or why nothing changed. */
export type NotesResult = { ok: true; notes: NoteJson[]; noteId: string | null } | { ok: false; error: string };

/** A refusal in words (a bad input, a note that is not there or not theirs): nothing was written. */
function refusal(error: unknown): NotesResult {
  if (error instanceof z.ZodError) return { ok: false, error: error.issues.map((i) => i.message).join("; ") };
  if (error instanceof ApiError) return { ok: false, error: error.message };
  throw error;
}

/** An agent or admin pins a note to the event at index `seq` of a session. */
export async function addNoteAction(sessionId: string, seq: number, text: string): Promise<NotesResult> {
  const viewer = await requireViewer("notes.write");
  try {
    const input = newNoteSchema.parse({ sessionId, seq, text });
    const note = await addNote(viewer, input);
    return { ok: true, notes: await notesOfSession(viewer, note.sessionId), noteId: note.id };
  } catch (error) {
    return refusal(error);
  }
}

/** New words for one's own note. */
export async function editNoteAction(noteId: string, text: string): Promise<NotesResult> {
  const viewer = await requireViewer("notes.write");
  try {
    const [id, words] = z.tuple([noteIdSchema, noteTextSchema]).parse([noteId, text]);
    const note = await editNote(viewer, id, words);
    return { ok: true, notes: await notesOfSession(viewer, note.sessionId), noteId: note.id };
  } catch (error) {
    return refusal(error);
  }
}

/** Deletes one's own note (an admin: any note). */
export async function deleteNoteAction(noteId: string): Promise<NotesResult> {
  const viewer = await requireViewer("notes.write");
  try {
    const { sessionId } = await removeNote(viewer, noteIdSchema.parse(noteId));
    return { ok: true, notes: await notesOfSession(viewer, sessionId), noteId: null };
  } catch (error) {
    return refusal(error);
  }
}
