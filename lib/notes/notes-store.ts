import { randomBytes } from "node:crypto";
import type { Store } from "../db/prisma";

/** A note as stored: the moment it is pinned to, its text as written, and who wrote it. */
export interface NoteRow {
  id: string;
  sessionId: string;
  userId: string | null;
  /** the event's index in the session when the note was written */
  seq: number;
  /** the event's place in the store: what the note is pinned to if the session is folded again */
  position: number;
  text: string;
  authorId: string;
  authorLabel: string;
  createdAt: Date;
  updatedAt: Date;
}

export type NewNote = Omit<NoteRow, "id" | "createdAt" | "updatedAt">;

type Stored = Omit<NoteRow, "position"> & { position: bigint | number };
const toRow = (note: Stored): NoteRow => ({ ...note, position: Number(note.position) });

export async function createNote(store: Store, note: NewNote, now = new Date()): Promise<NoteRow> {
  const id = `note_${randomBytes(12).toString("base64url")}`;
  const created = await store.db.note.create({ data: { ...note, id, position: BigInt(note.position), createdAt: now, updatedAt: now } });
  return toRow(created);
}

export async function findNote(store: Store, id: string): Promise<NoteRow | null> {
  const note = await store.db.note.findUnique({ where: { id } });
  return note ? toRow(note) : null;
}

/**
 * New words for a note, only when `authorId` wrote it (the condition is in the write itself, so a
 * note cannot change hands between a check and the update). Null when no such note of theirs.
 */
export async function updateNoteText(store: Store, id: string, authorId: string, text: string, now = new Date()): Promise<NoteRow | null> {
  const { count } = await store.db.note.updateMany({ where: { id, authorId }, data: { text, updatedAt: now } });
  return count === 1 ? findNote(store, id) : null;
}

export async function deleteNote(store: Store, id: string): Promise<boolean> {
  const { count } = await store.db.note.deleteMany({ where: { id } });
  return count === 1;
}

/** A session's notes in the order of its moments (then as written); `alsoUnder`: older ids it had (sessions merged into it). */
export async function listSessionNotes(store: Store, sessionId: string, alsoUnder: readonly string[] = []): Promise<NoteRow[]> {
  const notes = await store.db.note.findMany({
    where: { sessionId: { in: [sessionId, ...alsoUnder] } },
    orderBy: [{ seq: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  return notes.map(toRow);
}

/** A customer's notes across their sessions, newest first. */
export async function listCustomerNotes(store: Store, userId: string, limit = 200): Promise<NoteRow[]> {
  const notes = await store.db.note.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: limit });
  return notes.map(toRow);
}
