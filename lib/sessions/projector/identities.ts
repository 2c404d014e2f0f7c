import type { JourneyEvent } from "../../journeys/journey-event";
import { anonymousPerson, isAnonymousPerson, resolvePerson, type PersonKey, type PersonLinks } from "../person";

export interface ResolvedIdentities {
  lookup: PersonLinks;
  /** visitors who signed in during this page: [anonymous id, user id] */
  newLinks: [string, string][];
  /** flows whose owner became known in this page: [correlation id, person] */
  newOwners: [string, string][];
  /** visitors merged into users by those links: [visitor person, user id] */
  merges: [PersonKey, string][];
}

/**
 * Phase "resolve identities and owners": given the links and flow owners stored for the page's
 * visitors and flows, the links this page adds (a visitor signing in), the owners it learns, and
 * how every event's person is found. Updates the two maps in place (they are the page's view).
 */
export function resolveIdentities(events: readonly JourneyEvent[], links: Map<string, string>, owners: Map<string, string>): ResolvedIdentities {
  const newLinks: [string, string][] = [];
  const merges: [PersonKey, string][] = [];
  for (const e of events) {
    if (e.userid && e.anonymousid && !links.has(e.anonymousid)) {
      links.set(e.anonymousid, e.userid);
      newLinks.push([e.anonymousid, e.userid]);
      merges.push([anonymousPerson(e.anonymousid), e.userid]);
    }
  }
  // A flow owned by a visitor who links to a user in this page is the user's from now on.
  for (const [correlation, owner] of owners) {
    const user = isAnonymousPerson(owner) ? links.get(owner.slice("anon:".length)) : undefined;
    if (user) owners.set(correlation, user);
  }
  const lookup: PersonLinks = { userOfAnonymous: (a) => links.get(a), ownerOfCorrelation: (c) => owners.get(c) };
  const newOwners: [string, string][] = [];
  for (const e of events) {
    if (!e.correlationid || owners.has(e.correlationid) || (!e.userid && !e.anonymousid)) continue;
    const person = resolvePerson(e, lookup)!;
    owners.set(e.correlationid, person);
    newOwners.push([e.correlationid, person]);
  }
  return { lookup, newLinks, newOwners, merges };
}

/** The visitors and the flows of a page, whose stored links and owners the phase needs. */
export function identityKeys(events: readonly JourneyEvent[]): { anonymousIds: string[]; correlationIds: string[] } {
  return {
    anonymousIds: [...new Set(events.flatMap((e) => (e.anonymousid ? [e.anonymousid] : [])))],
    correlationIds: [...new Set(events.flatMap((e) => (e.correlationid ? [e.correlationid] : [])))],
  };
}
