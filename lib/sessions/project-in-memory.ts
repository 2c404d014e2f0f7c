import type { JourneyEvent } from "../journeys/journey-event";
import { builtInCatalog, type JourneyCatalog } from "../journeys/catalog";
import { isRewindEvent, resolvePerson, type PersonKey } from "./person";
import { assignSessionIds } from "./session-ids";
import { sessionize } from "./sessionize";
import { summariseSession, type SessionRecord } from "./summarise";

/**
 * The whole session projection of a list of events, in memory and pure: identity links and flow
 * owners first (in append order), then each person's events sessionized and folded. It is what
 * the incremental projector must agree with, and the baseline its benchmark runs against.
 */
export function projectInMemory(all: readonly JourneyEvent[], options: { timeoutMs: number; now: number; catalog?: JourneyCatalog }): SessionRecord[] {
  const catalog = options.catalog ?? builtInCatalog;
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
  const records: SessionRecord[] = [];
  const held = new Set<string>();
  for (const [person, list] of byPerson) {
    const drafts = sessionize(list, { timeoutMs: options.timeoutMs, now: options.now, boundary: catalog.boundaryOf });
    const { ids } = assignSessionIds([], drafts, person, (id) => held.has(id));
    for (const id of ids) held.add(id);
    for (const [i, draft] of drafts.entries()) records.push(summariseSession(draft, ids[i]!, person, catalog));
  }
  return records;
}
