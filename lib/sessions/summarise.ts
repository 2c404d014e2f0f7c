import { foldEvents, type JourneyDefinition, type ResumePoint, type SessionOutcome } from "../journeys/journey-definition";
import { builtInCatalog, type JourneyCatalog } from "../journeys/catalog";
import { sessionFacts, type SessionFacts } from "../analytics/session-facts";
import { isAnonymousPerson, type PersonKey } from "./person";
import { SNAPSHOT_EVERY } from "./session-block";
import type { EndReason, SessionDraft } from "./sessionize";

/** Snapshots of the fold every this many events (defined with the blocks it sizes, ./session-block.ts). */

export interface SessionRecord {
  id: string;
  person: PersonKey;
  userId: string | null;
  anonymousId: string | null;
  journey: string;
  startedAt: number;
  endedAt: number | null;
  lastEventAt: number;
  endReason: EndReason;
  outcome: SessionOutcome;
  /** the outcome in the journey's own words ("booked", "Ordered") */
  outcomeLabel: string;
  eventCount: number;
  durationMs: number;
  lastStep: string;
  resumePoint: ResumePoint | null;
  finalState: unknown;
  producerSessionId: string | null;
  firstPosition: number;
  lastPosition: number;
  /** the person's name as the session's events state it (the latest one), if any */
  personName: string | null;
  /** event positions in session order */
  positions: number[];
  /** the fold's state after events [0, seq) for seq = SNAPSHOT_EVERY, 2×SNAPSHOT_EVERY, … */
  snapshots: { seq: number; state: unknown }[];
  /** what analytics counts of this session */
  facts: SessionFacts;
}

/** Folds a session once, keeping snapshots on the way, and reads its outcome and resume point. */
export function summariseSession(draft: SessionDraft, id: string, person: PersonKey, catalog: JourneyCatalog = builtInCatalog): SessionRecord {
  const definition: JourneyDefinition<unknown> = catalog.journeyOf(draft.events);
  let state = definition.initialState();
  let personName: string | null = null;
  const snapshots: { seq: number; state: unknown }[] = [];
  draft.events.forEach((event, i) => {
    state = definition.evolve(state, event);
    personName = definition.personName(event) ?? personName;
    if ((i + 1) % SNAPSHOT_EVERY === 0 && i + 1 < draft.events.length) snapshots.push({ seq: i + 1, state });
  });
  const first = draft.events[0]!;
  const last = draft.events[draft.events.length - 1]!;
  const open = draft.endReason === "open";
  const anonymous = isAnonymousPerson(person);
  const outcome = definition.outcome(state, open);
  return {
    id,
    person,
    userId: anonymous ? null : person,
    anonymousId: anonymous ? person.slice("anon:".length) : (draft.events.find((e) => e.anonymousid)?.anonymousid ?? null),
    journey: definition.name,
    startedAt: first.time,
    endedAt: open ? null : last.time,
    lastEventAt: last.time,
    endReason: draft.endReason,
    outcome,
    outcomeLabel: definition.outcomeLabel(state, outcome),
    eventCount: draft.events.length,
    durationMs: last.time - first.time,
    lastStep: definition.lastStep(state),
    resumePoint: definition.resumePoint(state),
    finalState: state,
    producerSessionId: draft.producerSessionId,
    firstPosition: first.position,
    lastPosition: draft.events.reduce((max, e) => Math.max(max, e.position), 0),
    personName,
    positions: draft.events.map((e) => e.position),
    snapshots,
    facts: sessionFacts(definition, draft.events, outcome, draft.endReason),
  };
}

export { foldEvents };
