"use server";

import { z } from "zod";
import { getExplorerPage, getNewerEvents } from "@/lib/data/explorer";
import { requireViewer } from "@/lib/data/viewer";
import { readExplorerFilter, type ExplorerFilterInput } from "@/lib/explorer/explorer-filter";

// Server actions are an edge too: everything from the browser is validated here.
const position = z.number().int().nonnegative();
// The same tolerant reading as the page: a bound the page ignored (not a date) is ignored here too,
// instead of failing every live-tail poll.
const filterOf = (input: ExplorerFilterInput) => readExplorerFilter(z.record(z.string(), z.string().max(500)).parse(input)).filter;

export async function loadNewerEvents(filter: ExplorerFilterInput, after: number) {
  await requireViewer("events.explore");
  return getNewerEvents(filterOf(filter), position.parse(after));
}

export async function loadOlderEvents(filter: ExplorerFilterInput, before: number) {
  await requireViewer("events.explore");
  return getExplorerPage(filterOf(filter), position.parse(before));
}
