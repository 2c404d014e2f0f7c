import type { JourneyEvent } from "../journeys/journey-event";

/** Whose journey an event belongs to: a user id, or "anon:<anonymousid>" for a visitor not yet linked. */
export type PersonKey = string;

export const anonymousPerson = (anonymousId: string): PersonKey => `anon:${anonymousId}`;

export function isAnonymousPerson(person: PersonKey): boolean {
  return person.startsWith("anon:");
}

export interface PersonLinks {
  /** anonymousid → userid, from events that carry both */
  userOfAnonymous(anonymousId: string): string | undefined;
  /** correlationid → the person whose events first carried it */
  ownerOfCorrelation(correlationId: string): PersonKey | undefined;
}

/** Rewind's own events (the audit trail) are never part of anyone's session. */
export function isRewindEvent(event: Pick<JourneyEvent, "source" | "subject">): boolean {
  return event.source.startsWith("rewind/") || (event.subject?.startsWith("rewind/") ?? false);
}

/**
 * The person an event belongs to: its user; else the user its anonymous id is
 * linked to, else that anonymous visitor; else, for a service's own event (no user, no visitor),
 * the person whose events share its correlation id; else nobody.
 */
export function resolvePerson(event: JourneyEvent, links: PersonLinks): PersonKey | null {
  if (isRewindEvent(event)) return null;
  if (event.userid) return event.userid;
  if (event.anonymousid) return links.userOfAnonymous(event.anonymousid) ?? anonymousPerson(event.anonymousid);
  if (event.correlationid) return links.ownerOfCorrelation(event.correlationid) ?? null;
  return null;
}
