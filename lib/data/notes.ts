import "server-only";
import type { Viewer } from "../access/viewer";
import { viewerLabel } from "../access/viewer";
import { ApiError } from "../http/errors";
import { getStore } from "../db/prisma";
import { publicNote, toNoteJson, type NoteJson, type PublicNote } from "../notes/note-json";
import { mayDeleteNote, mayEditNote, mayReadNotes } from "../notes/note-rules";
import { deleteNote, findNote, listCustomerNotes, updateNoteText } from "../notes/notes-store";
import { pinNote, readSessionNotes } from "../notes/session-notes";
import { findSession } from "../sessions/read-sessions";
import { recordAccess } from "./audit";
import { getMasker } from "./privacy";

export type { NoteJson };

/** A session's notes for this viewer: none at all for a viewer who may not see customers (an analyst, a key without users.find). */
export async function notesOfSession(viewer: Viewer, sessionId: string): Promise<NoteJson[]> {
  if (!mayReadNotes(viewer)) return [];
  const [notes, masker] = await Promise.all([readSessionNotes(getStore(), sessionId), getMasker()]);
  return notes.map(({ note, seq }) => toNoteJson(note, masker, viewer, seq));
}

/** The notes an export or printable summary carries: null (not even an empty list) for a reader who may not see them. */
export async function exportedNotes(viewer: Viewer, sessionId: string): Promise<PublicNote[] | null> {
  return mayReadNotes(viewer) ? (await notesOfSession(viewer, sessionId)).map(publicNote) : null;
}

/** A customer's notes across their sessions, newest first (the customer page). */
export async function notesOfCustomer(viewer: Viewer, userId: string): Promise<NoteJson[]> {
  if (!mayReadNotes(viewer)) return [];
  const [notes, masker] = await Promise.all([listCustomerNotes(getStore(), userId), getMasker()]);
  return notes.map((note) => toNoteJson(note, masker, viewer));
}

/**
 * The access log has which note, on which session, at which event, and who: never the words
 * (free text that may name the customer; the note itself is where they are kept).
 */
function audit(
  viewer: Viewer,
  action: "note.written" | "note.changed" | "note.deleted",
  note: { id: string; sessionId: string; userId: string | null; seq: number },
) {
  return recordAccess(viewer, { action, customer: note.userId, session: note.sessionId, target: `note ${note.id} at event ${note.seq}` });
}

/** A note pinned to event `seq` of a session, by the viewer (the caller checked notes.write). */
export async function addNote(viewer: Viewer, input: { sessionId: string; seq: number; text: string }): Promise<NoteJson> {
  const store = getStore();
  const pinned = await pinNote(store, { ...input, authorId: viewer.id, authorLabel: viewerLabel(viewer) });
  if ("problem" in pinned) {
    if (pinned.problem === "no-session") throw new ApiError("not_found", `session "${input.sessionId}" not found`, { session: input.sessionId });
    throw new ApiError("invalid_request", `seq: the session has ${pinned.eventCount} events, so seq is 0 to ${pinned.eventCount - 1}`, { seq: input.seq });
  }
  await audit(viewer, "note.written", pinned.note);
  return toNoteJson(pinned.note, await getMasker(), viewer);
}

async function requireNote(id: string) {
  const note = await findNote(getStore(), id);
  if (!note) throw new ApiError("not_found", `note "${id}" not found`, { note: id });
  return note;
}

/** New words for the viewer's own note. */
export async function editNote(viewer: Viewer, id: string, text: string): Promise<NoteJson> {
  const note = await requireNote(id);
  if (!mayEditNote(viewer, note)) throw new ApiError("forbidden", "only a note's author may change it", { note: id });
  const updated = await updateNoteText(getStore(), id, viewer.id, text);
  if (!updated) throw new ApiError("not_found", `note "${id}" not found`, { note: id });
  await audit(viewer, "note.changed", updated);
  return toNoteJson(updated, await getMasker(), viewer);
}

/** Deletes the viewer's own note, or any note for an admin. */
export async function removeNote(viewer: Viewer, id: string): Promise<{ sessionId: string }> {
  const note = await requireNote(id);
  if (!mayDeleteNote(viewer, note)) throw new ApiError("forbidden", "only a note's author, or an admin, may delete it", { note: id });
  if (!(await deleteNote(getStore(), id))) throw new ApiError("not_found", `note "${id}" not found`, { note: id });
  await audit(viewer, "note.deleted", note);
  return { sessionId: note.sessionId };
}

/**
 * The read API's answer: the session (an old id of a merged session is its survivor) and its
 * notes as a reader of the API sees them (no edit rights, no author's own words); null for no session.
 */
export async function notesAnswer(viewer: Viewer, sessionId: string) {
  const session = await findSession(getStore(), sessionId);
  if (!session) return null;
  const notes = (await notesOfSession(viewer, session.id)).map(publicNote);
  return { customer: session.userId, answer: { sessionId: session.id, notes } };
}
