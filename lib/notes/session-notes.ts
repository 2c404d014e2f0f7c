import type { Store } from "../db/prisma";
import { findSession, readSessionPositions } from "../sessions/read-sessions";
import { createNote, listSessionNotes, type NoteRow } from "./notes-store";

export type PinProblem = { problem: "no-session" } | { problem: "no-event"; eventCount: number };

/**
 * Pins a note to the event at index `seq` of a session (an old id of a merged session is its
 * survivor): the note keeps the event's store position, and the session's customer. Writes
 * nothing when the session or the event is not there.
 */
export async function pinNote(
  store: Store,
  input: { sessionId: string; seq: number; text: string; authorId: string; authorLabel: string },
  now = new Date(),
): Promise<{ note: NoteRow } | PinProblem> {
  const session = await findSession(store, input.sessionId);
  if (!session) return { problem: "no-session" };
  const [member] = await readSessionPositions(store, session.id, input.seq, 1);
  if (!member || member.seq !== input.seq) return { problem: "no-event", eventCount: session.eventCount };
  const { seq, position } = member;
  const note = await createNote(
    store,
    { sessionId: session.id, userId: session.userId, seq, position, text: input.text, authorId: input.authorId, authorLabel: input.authorLabel },
    now,
  );
  return { note };
}

/**
 * A session's notes, each with the index its event has now: a late event that lands before it
 * moves the event on, and the note follows its event (its store position), not the old index.
 * Notes written under an id the session absorbed in a merge are found under its aliases.
 */
export async function readSessionNotes(store: Store, sessionId: string): Promise<{ note: NoteRow; seq: number }[]> {
  const session = await findSession(store, sessionId);
  if (!session) return [];
  // A note written on a session that later merged into this one is this session's note now.
  const aliases = await store.db.sessionAlias.findMany({ where: { sessionId: session.id }, select: { alias: true } });
  const notes = await listSessionNotes(
    store,
    session.id,
    aliases.map((a) => a.alias),
  );
  if (notes.length === 0) return [];
  const seqOf = new Map((await readSessionPositions(store, session.id, 0, session.eventCount)).map((m) => [m.position, m.seq]));
  return notes.map((note) => ({ note, seq: seqOf.get(note.position) ?? note.seq })).sort((a, b) => a.seq - b.seq);
}
