import type { JourneyEvent } from "../../journeys/journey-event";
import type { PersonKey } from "../person";
import type { Assigned, Dirty } from "./touched";

/** A stored session as the projector reads it back: whose it is, and when it started. */
export interface PreviousRow {
  id: string;
  person: string;
  startedAt: number;
}

/**
 * Which stored sessions can change: those that ended within the timeout before a person's earliest
 * new event (or later), or that share a producer session id with the new events. This is the
 * probe; `windowStarts` turns what it finds into where each person's folding starts.
 */
export function touchProbe(dirty: ReadonlyMap<PersonKey, Dirty>, timeoutMs: number) {
  return [...dirty].map(([person, d]) => ({ person, since: d.since - timeoutMs, producerIds: [...d.producerIds] }));
}

/** Folding starts at the earliest touched session, and every session from there on is folded again. */
export function windowStarts(dirty: ReadonlyMap<PersonKey, Dirty>, touched: readonly PreviousRow[]): Map<PersonKey, number> {
  const from = new Map([...dirty].map(([person, d]) => [person, d.since]));
  for (const s of touched) from.set(s.person, Math.min(from.get(s.person)!, s.startedAt));
  return from;
}

/** The person whose fold a stored session of `person` joins: theirs, or the user a merged visitor joined. */
export function ownerOfSession(dirty: ReadonlyMap<PersonKey, Dirty>, person: PersonKey): PersonKey | undefined {
  return dirty.has(person) ? person : [...dirty].find(([, d]) => d.merged.has(person))?.[0];
}

/**
 * Each person's events to fold: the page's, the newly owned flow events', and those of the
 * sessions being folded again (every event with a person is in a session). `known` holds every
 * event by position.
 */
export function gatherPersonEvents(
  dirty: ReadonlyMap<PersonKey, Dirty>,
  assigned: readonly Assigned[],
  previous: readonly PreviousRow[],
  positions: ReadonlyMap<string, number[]>,
  known: ReadonlyMap<number, JourneyEvent>,
): Map<PersonKey, JourneyEvent[]> {
  const personEvents = new Map<PersonKey, JourneyEvent[]>();
  const add = (person: PersonKey, e: JourneyEvent) => {
    const list = personEvents.get(person);
    if (list) list.push(e);
    else personEvents.set(person, [e]);
  };
  const assignedPositions = new Map(assigned.map((x) => [x.position, x]));
  for (const a of assignedPositions.values()) add(a.person, known.get(a.position)!);
  for (const s of previous) {
    const owner = ownerOfSession(dirty, s.person);
    if (!owner) continue;
    for (const p of positions.get(s.id) ?? []) {
      const e = known.get(p);
      // A position with no event was purged by retention (its session is frozen, so this is only a guard).
      if (e && !assignedPositions.has(p)) add(owner, e);
    }
  }
  return personEvents;
}

/** Producer session ids among the events to fold: a repeat of one held elsewhere gets a suffix. */
export function producerIdsOf(personEvents: ReadonlyMap<PersonKey, JourneyEvent[]>): string[] {
  return [...new Set([...personEvents.values()].flat().flatMap((e) => (e.sessionid ? [e.sessionid] : [])))];
}
