import type { JourneyEvent } from "../../journeys/journey-event";
import { resolvePerson, type PersonKey, type PersonLinks } from "../person";

/** A person the page touches: from when their sessions can change, and what can tie events to them. */
export interface Dirty {
  since: number;
  producerIds: Set<string>;
  /** visitors merged into this user by a link in this page */
  merged: Set<PersonKey>;
}

export interface Assigned {
  position: number;
  person: string;
  time: number;
}

/**
 * Phase "who each event belongs to": the page's events and the earlier flow events whose owner
 * just became known (orphans), each with its person; and per person, the earliest new event and
 * the producer session ids the new events carry.
 */
export function touchedPersons(events: readonly JourneyEvent[], lookup: PersonLinks): { dirty: Map<PersonKey, Dirty>; assigned: Assigned[] } {
  const dirty = new Map<PersonKey, Dirty>();
  const assigned: Assigned[] = [];
  for (const e of events) {
    const person = resolvePerson(e, lookup);
    if (!person) continue;
    assigned.push({ position: e.position, person, time: e.time });
    const d = dirty.get(person) ?? { since: e.time, producerIds: new Set<string>(), merged: new Set<PersonKey>() };
    d.since = Math.min(d.since, e.time);
    if (e.sessionid) d.producerIds.add(e.sessionid);
    dirty.set(person, d);
  }
  return { dirty, assigned };
}

/**
 * A visitor who just signed in: their earlier events and sessions become the user's. The user's
 * window starts at the visitor's earliest stored session (`visitorStarts`) or new event, and the
 * visitor stops being a person of their own. Updates `dirty` in place.
 */
export function mergeVisitors(
  dirty: Map<PersonKey, Dirty>,
  merges: readonly [from: PersonKey, to: string][],
  visitorStarts: readonly { person: string; startedAt: number }[],
): void {
  for (const [from, to] of merges) {
    // The user has no event of their own to fold when the one that linked them stays in a frozen
    // session (it held a purged event): the visitor's sessions still become theirs.
    const d = dirty.get(to) ?? { since: Number.POSITIVE_INFINITY, producerIds: new Set<string>(), merged: new Set<PersonKey>() };
    d.merged.add(from);
    for (const s of visitorStarts) if (s.person === from) d.since = Math.min(d.since, s.startedAt);
    const visitorDirty = dirty.get(from);
    if (visitorDirty) {
      d.since = Math.min(d.since, visitorDirty.since);
      dirty.delete(from);
    }
    if (Number.isFinite(d.since)) dirty.set(to, d);
  }
}
