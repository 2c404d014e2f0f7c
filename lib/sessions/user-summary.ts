import { journeyByName } from "../journeys/registry";
import type { ResumePoint } from "../journeys/journey-definition";

/** A stored session as a user's summary reads it. */
export interface SummarisedSession {
  id: string;
  journey: string;
  startedAt: number;
  lastEventAt: number;
  outcome: string;
  resumePoint: ResumePoint | null;
  personName: string | null;
}

export interface UserSummaryRow {
  userId: string;
  sessionCount: number;
  firstSeen: number;
  lastSeen: number;
  lastOutcome: string;
  /** the latest session whose journey says it leaves a booking open: its resume point and id */
  openBooking: ({ sessionId: string } & ResumePoint) | null;
  displayName: string | null;
}

/**
 * A user's summary from their sessions: counts, first and last seen, the latest outcome, the
 * open booking (the journey decides which resume point leaves one) and the latest name given.
 */
export function summariseUser(userId: string, sessions: readonly SummarisedSession[]): UserSummaryRow | null {
  if (sessions.length === 0) return null;
  const list = [...sessions].sort((a, b) => a.startedAt - b.startedAt);
  const newestFirst = [...list].reverse();
  const open = newestFirst.find((s) => s.resumePoint !== null && (journeyByName(s.journey).leavesOpenBooking?.(s.resumePoint) ?? false));
  return {
    userId,
    sessionCount: list.length,
    firstSeen: Math.min(...list.map((s) => s.startedAt)),
    lastSeen: Math.max(...list.map((s) => s.lastEventAt)),
    lastOutcome: list[list.length - 1]!.outcome,
    openBooking: open ? { sessionId: open.id, ...open.resumePoint! } : null,
    displayName: newestFirst.find((s) => s.personName)?.personName ?? null,
  };
}
