"use client";

import type { ExplorerPage, getNewerEvents } from "@/lib/data/explorer";
import type { ExplorerFilterInput } from "@/lib/explorer/explorer-filter";
import { getDashboardJson } from "../hooks/get-dashboard-json";

type NewerEvents = Awaited<ReturnType<typeof getNewerEvents>>;

/** The page's filter as query parameters, with the cursor set last (it wins over a filter key of the same name). */
function queryOf(filter: ExplorerFilterInput, cursor: Record<string, number>): Record<string, string | number> {
  const given = Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return { ...Object.fromEntries(given), ...cursor };
}

async function read<T>(path: string, query: Record<string, string | number>): Promise<T> {
  const answer = await getDashboardJson<T>(path, query);
  if (answer === null) throw new Error(`${path}: not found`);
  return answer;
}

/** The explorer's reads (app/api/explorer/…): the live tail, and older pages. */
export const explorerReads = {
  newer: (filter: ExplorerFilterInput, after: number) => read<NewerEvents>("/api/explorer/newer", queryOf(filter, { after })),
  older: (filter: ExplorerFilterInput, before: number) => read<ExplorerPage>("/api/explorer/older", queryOf(filter, { before })),
};
