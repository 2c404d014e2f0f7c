"use server";

import { z } from "zod";
import { getReplayBlock } from "@/lib/data/replay";

// Server actions are an edge too: the browser's arguments are validated here.
const args = z.tuple([z.string().min(1).max(200), z.number().int().nonnegative().max(100_000)]);

export async function loadReplayBlock(sessionId: string, block: number) {
  const [id, n] = args.parse([sessionId, block]);
  return getReplayBlock(id, n);
}
