"use server";

import { z } from "zod";
import { getReplayBlock, getReplayEvents, getReplayTail } from "@/lib/data/replay";
import { requireViewer } from "@/lib/data/viewer";

// Server actions are an edge too: the browser's arguments are validated here.
const args = z.tuple([z.string().min(1).max(200), z.number().int().nonnegative().max(10_000_000)]);

export async function loadReplayBlock(sessionId: string, block: number) {
  await requireViewer("sessions.replay");
  const [id, n] = args.parse([sessionId, block]);
  return getReplayBlock(id, n);
}

export async function loadReplayTail(sessionId: string, fromSeq: number) {
  await requireViewer("sessions.replay");
  const [id, n] = args.parse([sessionId, fromSeq]);
  return getReplayTail(id, n);
}

/** A page of a session's events for the player's background fold (5,000 at a time). */
export async function loadReplayEvents(sessionId: string, fromSeq: number) {
  await requireViewer("sessions.replay");
  const [id, n] = args.parse([sessionId, fromSeq]);
  return getReplayEvents(id, n, 5_000);
}
