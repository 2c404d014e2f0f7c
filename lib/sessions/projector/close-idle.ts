import type { CountedSession } from "../../analytics/rollup-store";
import { closedFacts, type SessionFacts } from "../../analytics/session-facts";
import { builtInCatalog, type JourneyCatalog } from "../../journeys/catalog";
import { genericJourney } from "../../journeys/generic/generic-journey";
import type { JourneyDefinition } from "../../journeys/journey-definition";
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
  outcomeLabel: string;
  facts: SessionFacts | null;
}

/**
 * Closing idle sessions (end reason `timed_out`): the journey decides each one's outcome now that
 * it is no longer open, and its analytics facts follow; the counters move from the session as
 * live (`before`) to the session as closed (`after`).
 */
export function closeIdle(
  sessions: readonly IdleSession[],
  catalog: JourneyCatalog = builtInCatalog,
): { closed: ClosedSession[]; before: CountedSession[]; after: CountedSession[] } {
  const closed: ClosedSession[] = [];
  const before: CountedSession[] = [];
  const after: CountedSession[] = [];
  for (const s of sessions) {
    // A journey no longer in the catalog (its definition removed) closes as generic sessions do.
    const journey = catalog.byName(s.journey) ?? (genericJourney as JourneyDefinition<unknown>);
    const outcome = journey.outcome(s.finalState, false);
    const facts = s.facts ? closedFacts(s.facts, journey, s.finalState, outcome) : null;
    if (s.facts && facts && s.day) {
      before.push({ day: s.day, journey: s.journey, userId: s.userId, outcome: "live", facts: s.facts });
      after.push({ day: s.day, journey: s.journey, userId: s.userId, outcome, facts });
    }
    closed.push({ id: s.id, outcome, outcomeLabel: journey.outcomeLabel(s.finalState, outcome), facts });
  }
  return { closed, before, after };
}
