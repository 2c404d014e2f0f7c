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
