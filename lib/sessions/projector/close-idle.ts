import type { CountedSession } from "../../analytics/rollup-store";
import { closedFacts, type SessionFacts } from "../../analytics/session-facts";
import { journeyByName } from "../../journeys/registry";
import type { SessionOutcome } from "../../journeys/journey-definition";

/** An open session idle past the timeout, as stored. */
export interface IdleSession {
  id: string;
  journey: string;
  finalState: unknown;
  userId: string | null;
  facts: SessionFacts | null;
  day: string | null;
}

export interface ClosedSession {
  id: string;
  outcome: SessionOutcome;
  facts: SessionFacts | null;
}

/**
 * Closing idle sessions (end reason `timed_out`): the journey decides each one's outcome now that
 * it is no longer open, and its analytics facts follow; the counters move from the session as
 * live (`before`) to the session as closed (`after`).
 */
export function closeIdle(sessions: readonly IdleSession[]): { closed: ClosedSession[]; before: CountedSession[]; after: CountedSession[] } {
  const closed: ClosedSession[] = [];
  const before: CountedSession[] = [];
  const after: CountedSession[] = [];
  for (const s of sessions) {
    const outcome = journeyByName(s.journey).outcome(s.finalState, false);
    const facts = s.facts ? closedFacts(s.facts, s.journey, s.finalState, outcome) : null;
    if (s.facts && facts && s.day) {
      before.push({ day: s.day, journey: s.journey, userId: s.userId, outcome: "live", facts: s.facts });
      after.push({ day: s.day, journey: s.journey, userId: s.userId, outcome, facts });
    }
    closed.push({ id: s.id, outcome, facts });
  }
  return { closed, before, after };
}
