"use client";

import type { getReplayEvents, getReplayTail, ReplayBlock } from "@/lib/data/replay";
import { getDashboardJson } from "../hooks/get-dashboard-json";

export type ReplayTail = NonNullable<Awaited<ReturnType<typeof getReplayTail>>>;
export type ReplayEvents = NonNullable<Awaited<ReturnType<typeof getReplayEvents>>>;

const pathOf = (sessionId: string, read: "block" | "tail" | "events") => `/api/replay/${encodeURIComponent(sessionId)}/${read}`;

/** The replay's background reads (app/api/replay/[sessionId]/…), each over its own request so they run side by side. */
export const replayReads = {
  block: (sessionId: string, block: number, grant: string) => getDashboardJson<ReplayBlock>(pathOf(sessionId, "block"), { block, grant }),
  tail: (sessionId: string, from: number, grant: string) => getDashboardJson<ReplayTail>(pathOf(sessionId, "tail"), { from, grant }),
  events: (sessionId: string, from: number, grant: string) => getDashboardJson<ReplayEvents>(pathOf(sessionId, "events"), { from, grant }),
};
