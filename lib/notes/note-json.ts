import type { Viewer } from "../access/viewer";
import type { Masker } from "../privacy/mask";
import { mayDeleteNote, mayEditNote } from "./note-rules";
import type { NoteRow } from "./notes-store";

/** A note as it leaves the server: its text through the policy's patterns, and what this viewer may do with it. */
export interface NoteJson {
  id: string;
  sessionId: string;
  /** the event's index in the session now (the replay's `?at=`) */
  seq: number;
  position: number;
  text: string;
  author: string;
  createdAt: string;
  updatedAt: string;
  edited: boolean;
  mayEdit: boolean;
  mayDelete: boolean;
  /**
   * The author's own words as they typed them, for their edit box only: editing from the masked
   * text would save the mask's dots over what they wrote. Nobody else is ever sent it.
   */
  ownText?: string;
}

/**
 * `seqNow`: the event's index in the session as it is folded now (a late event before it moves
 * it on); the index written with the note when the event is no longer found.
 */
export function toNoteJson(note: NoteRow, masker: Masker, viewer: Viewer, seqNow: number = note.seq): NoteJson {
  const mayEdit = mayEditNote(viewer, note);
  return {
    id: note.id,
    sessionId: note.sessionId,
    seq: seqNow,
    position: note.position,
    // Free text: the patterns catch emails, phone and card numbers in it, as in every string that leaves.
    text: masker.text(note.text),
    author: note.authorLabel,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
    edited: note.updatedAt.getTime() !== note.createdAt.getTime(),
    mayEdit,
    mayDelete: mayDeleteNote(viewer, note),
    ...(mayEdit ? { ownText: note.text } : {}),
  };
}

/** A note as a reader of the API or an export has it: no edit rights, no author's own words. */
export type PublicNote = Omit<NoteJson, "mayEdit" | "mayDelete" | "ownText">;

export function publicNote({ ownText: _own, mayEdit: _edit, mayDelete: _delete, ...note }: NoteJson): PublicNote {
  return note;
}

/** A session CSV's `notes` cell for one event: each note on it, who wrote it and when, one a line. */
export function notesCell(notes: readonly PublicNote[]): string {
  return notes.map((n) => `${n.author} (${n.createdAt}): ${n.text}`).join("\n");
}
