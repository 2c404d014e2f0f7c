"use server";

import { z } from "zod";
import { getExplorerPage, getNewerEvents } from "@/lib/data/explorer";
import { requireViewer } from "@/lib/data/viewer";
import { explorerFilterSchema, type ExplorerFilterInput } from "@/lib/explorer/explorer-filter";

// Server actions are an edge too: everything from the browser is validated here.
const position = z.number().int().nonnegative();

export async function loadNewerEvents(filter: ExplorerFilterInput, after: number) {
  await requireViewer("events.explore");
  return getNewerEvents(explorerFilterSchema.parse(filter), position.parse(after));
}

export async function loadOlderEvents(filter: ExplorerFilterInput, before: number) {
  await requireViewer("events.explore");
  return getExplorerPage(explorerFilterSchema.parse(filter), position.parse(before));
}
