import type { JourneyEvent } from "../journeys/journey-event";
import { builtInCatalog, type JourneyCatalog } from "../journeys/catalog";
import { isRewindEvent, resolvePerson, type PersonKey } from "./person";
import { assignSessionIds } from "./session-ids";
import { sessionize } from "./sessionize";
import { summariseSession, type SessionRecord } from "./summarise";

/**
 * Each person's events, in append order: identity links and flow owners first (a link stated
 * later still claims the visitor's earlier events), then every event handed to its person. What
 * the incremental projector must agree with; the what-if fold (lib/what-if/) groups by it too.
 */
export function eventsByPerson(all: readonly JourneyEvent[]): Map<PersonKey, JourneyEvent[]> {
  const events = all.filter((e) => !isRewindEvent(e));
  const links = new Map<string, string>();
  for (const e of events) if (e.userid && e.anonymousid && !links.has(e.anonymousid)) links.set(e.anonymousid, e.userid);
  const lookup = { userOfAnonymous: (a: string) => links.get(a), ownerOfCorrelation: (c: string) => owners.get(c) };
  const owners = new Map<string, PersonKey>();
  for (const e of events) {
    if (e.correlationid && !owners.has(e.correlationid) && (e.userid || e.anonymousid)) owners.set(e.correlationid, resolvePerson(e, lookup)!);
  }
  const byPerson = new Map<PersonKey, JourneyEvent[]>();
  for (const e of events) {
    const person = resolvePerson(e, lookup);
    if (!person) continue;
    const list = byPerson.get(person);
    if (list) list.push(e);
    else byPerson.set(person, [e]);
  }
  return byPerson;
}

/**
 * The whole session projection of a list of events, in memory and pure: each person's events
 * sessionized and folded. It is what the incremental projector must agree with, and the baseline
 * its benchmark runs against.
 */
export function projectInMemory(all: readonly JourneyEvent[], options: { timeoutMs: number; now: number; catalog?: JourneyCatalog }): SessionRecord[] {
  const catalog = options.catalog ?? builtInCatalog;
  const records: SessionRecord[] = [];
  const held = new Set<string>();
  for (const [person, list] of eventsByPerson(all)) {
    const drafts = sessionize(list, { timeoutMs: options.timeoutMs, now: options.now, boundary: catalog.boundaryOf });
    const { ids } = assignSessionIds([], drafts, person, (id) => held.has(id));
    for (const id of ids) held.add(id);
    for (const [i, draft] of drafts.entries()) records.push(summariseSession(draft, ids[i]!, person, catalog));
  }
  return records;
}
