"use server";

import { forbidden } from "next/navigation";
import { z } from "zod";
import { checkReplayView } from "@/lib/data/reveal";
import { getReplayBlock, getReplayEvents, getReplayTail } from "@/lib/data/replay";
import { requireViewer } from "@/lib/data/viewer";

// Server actions are an edge too: the browser's arguments are validated here. These are the
// replay's background reads: each needs the grant its page load issued (that load was the audited
// view), and is masked unless the grant is a reveal's.
const args = z.tuple([z.string().min(1).max(200), z.number().int().nonnegative().max(10_000_000), z.string().max(2_000)]);

async function allowed(sessionId: string, n: number, grant: string) {
  const viewer = await requireViewer("sessions.replay");
  const [id, at, g] = args.parse([sessionId, n, grant]);
  const view = await checkReplayView(viewer, id, g);
  if (!view) forbidden();
  return { id, at, revealed: view.revealed };
}

export async function loadReplayBlock(sessionId: string, block: number, grant: string) {
  const { id, at, revealed } = await allowed(sessionId, block, grant);
  return getReplayBlock(id, at, revealed);
}

export async function loadReplayTail(sessionId: string, fromSeq: number, grant: string) {
  const { id, at, revealed } = await allowed(sessionId, fromSeq, grant);
  return getReplayTail(id, at, revealed);
}

/** A page of a session's events for the player's background fold (5,000 at a time). */
export async function loadReplayEvents(sessionId: string, fromSeq: number, grant: string) {
  const { id, at, revealed } = await allowed(sessionId, fromSeq, grant);
  return getReplayEvents(id, at, 5_000, revealed);
}
