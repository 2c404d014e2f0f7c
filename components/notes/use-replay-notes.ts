"use client";

import { useEffect, useState } from "react";
import type { NoteJson } from "@/lib/notes/note-json";

export interface ReplayNotes {
  notes: NoteJson[];
  setNotes: (notes: NoteJson[]) => void;
  /** the note shown open (`?note=<id>` in the URL while it is) */
  openId: string | null;
  setOpenId: (id: string | null) => void;
}

/**
 * A replay's notes and the one open, kept above the player so a reveal (which draws the player
 * again) keeps both. The open note is in the URL, so a copied link opens it too.
 */
export function useReplayNotes(initial: NoteJson[], initialOpen: string | null): ReplayNotes {
  const [notes, setNotes] = useState(initial);
  const [openId, setOpenId] = useState(initial.some((n) => n.id === initialOpen) ? initialOpen : null);
  useEffect(() => {
    const url = new URL(window.location.href);
    if ((url.searchParams.get("note") ?? null) === openId) return;
    if (openId) url.searchParams.set("note", openId);
    else url.searchParams.delete("note");
    window.history.replaceState(null, "", url);
  }, [openId]);
  return { notes, setNotes, openId, setOpenId };
}
