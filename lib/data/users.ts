import "server-only";
import { getStore } from "../db/prisma";
import { listUserSessions, readUserSummaries } from "../sessions/read-sessions";
import { getMasker } from "./privacy";
import { findUsers, toSessionJson } from "./sessions";

export { findUsers };

export async function getUserPage(userId: string) {
  const store = getStore();
  const [summary] = await readUserSummaries(store, [userId]);
  if (!summary) return null;
  const masker = await getMasker();
  const sessions = (await listUserSessions(store, userId)).map((s) => toSessionJson(s, masker));
  return {
    userId,
    displayName: summary.displayName === null ? null : masker.value(summary.displayName),
    sessionCount: summary.sessionCount,
    firstSeen: summary.firstSeen.toISOString(),
    lastSeen: summary.lastSeen.toISOString(),
    openBooking: masker.state(summary.openBooking) as { sessionId: string; label: string; chosen: Record<string, string>; remaining: string[]; blockers: string[] } | null,
    sessions,
  };
}
