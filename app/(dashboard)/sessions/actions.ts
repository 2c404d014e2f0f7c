"use server";

import { z } from "zod";
import { grantHolds } from "@/lib/data/reveal";
import { getReplayBlock, getReplayEvents, getReplayTail } from "@/lib/data/replay";
import { requireViewer } from "@/lib/data/viewer";

// Server actions are an edge too: the browser's arguments are validated here. These are the
// replay's background reads: not audited (the page load was), masked unless the view holds a
// reveal grant for this session.
const args = z.tuple([z.string().min(1).max(200), z.number().int().nonnegative().max(10_000_000), z.string().max(2_000).nullish()]);

async function allowed(sessionId: string, block: number, grant: string | null | undefined) {
  const viewer = await requireViewer("sessions.replay");
  const [id, n, g] = args.parse([sessionId, block, grant]);
  return { id, n, revealed: await grantHolds(viewer, id, g) };
}

export async function loadReplayBlock(sessionId: string, block: number, grant?: string | null) {
  const { id, n, revealed } = await allowed(sessionId, block, grant);
  return getReplayBlock(id, n, revealed);
}

export async function loadReplayTail(sessionId: string, fromSeq: number, grant?: string | null) {
  const { id, n, revealed } = await allowed(sessionId, fromSeq, grant);
  return getReplayTail(id, n, revealed);
}

/** A page of a session's events for the player's background fold (5,000 at a time). */
export async function loadReplayEvents(sessionId: string, fromSeq: number, grant?: string | null) {
  const { id, n, revealed } = await allowed(sessionId, fromSeq, grant);
  return getReplayEvents(id, n, 5_000, revealed);
}
