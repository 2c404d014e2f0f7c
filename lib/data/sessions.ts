import "server-only";
import { ApiError } from "../http/errors";
import { getReadStore } from "../db/read-store";
import { readEventsAt } from "../eventstore/read";
import { toCloudEventJson } from "../eventstore/to-cloud-event";
import { toJourneyEvent } from "../eventstore/journey-events";
import * as sessions from "../sessions/read-sessions";
import type { Masker } from "../privacy/mask";
import { maskCloudEvent, maskJourneyEvent } from "../privacy/mask-events";
import { SNAPSHOT_EVERY } from "../sessions/session-block";
import { customerJson, findCustomer, referencesFor } from "./customers";
import { liveJourney } from "./catalog";
import { getMasker } from "./privacy";

type SessionRow = sessions.Session;

/**
 * A session as it may leave the server: its person's name masked, the ids and the resume point
 * through the patterns (a producer may use an email as the user id: the sessions list's user
 * column showed it in clear), and the customer's reference, which links and audit records use
 * (`references`: from referencesFor).
 */
export function toSessionJson(s: SessionRow, masker: Masker, references: ReadonlyMap<string, string>) {
  return {
    id: s.id,
    userId: s.userId === null ? null : masker.attribute("userid", s.userId),
    userReference: s.userId === null ? null : (references.get(s.userId) ?? null),
    anonymousId: s.anonymousId === null ? null : masker.attribute("anonymousid", s.anonymousId),
    journey: s.journey,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt?.toISOString() ?? null,
    lastEventAt: s.lastEventAt.toISOString(),
    endReason: s.endReason,
    outcome: s.outcome,
    // sessions folded before labels were stored answer the four-word outcome until re-folded
    outcomeLabel: s.outcomeLabel ?? s.outcome,
    eventCount: s.eventCount,
    durationMs: Number(s.durationMs),
    lastStep: masker.text(s.lastStep),
    resumePoint: masker.state(s.resumePoint),
    personName: s.personName === null ? null : masker.value(s.personName),
  };
}

export const SEARCH_LIMIT = 20;

/** Customers matching a search, at most SEARCH_LIMIT; `more` says whether others match too. */
export async function findUsers(query: string) {
  const store = getReadStore();
  const found = await sessions.searchUserIds(store, query, SEARCH_LIMIT + 1);
  const more = found.length > SEARCH_LIMIT;
  const ids = found.slice(0, SEARCH_LIMIT);
  const [summaries, masker, references] = await Promise.all([sessions.readUserSummaries(store, ids), getMasker(), referencesFor(ids)]);
  // The match happened on the server against the real values; what leaves is masked.
  const users = summaries.map((u) => ({
    ...customerJson({ userId: u.userId, reference: references.get(u.userId) ?? "" }, masker),
    displayName: u.displayName === null ? null : masker.value(u.displayName),
    sessionCount: u.sessionCount,
    firstSeen: u.firstSeen.toISOString(),
    lastSeen: u.lastSeen.toISOString(),
    lastOutcome: u.lastOutcome,
    openBooking: masker.state(u.openBooking),
  }));
  return { users, more };
}

export const RECENT_PAGE = 50;

/** The sessions page: newest first, a page at a time (the next page starts before the last one shown). */
export async function listRecentSessions(filter: sessions.SessionFilter, after: { startedAt: Date; id: string } | undefined) {
  const [rows, masker] = await Promise.all([sessions.selectRecentSessions(getReadStore(), { ...filter, after, limit: RECENT_PAGE + 1 }), getMasker()]);
  const references = await referencesFor(rows.map((s) => s.userId));
  const page = rows.slice(0, RECENT_PAGE).map((s) => toSessionJson(s, masker, references));
  const last = page[page.length - 1];
  return { sessions: page, older: rows.length > RECENT_PAGE && last ? `${last.startedAt}|${last.id}` : null };
}

/** How many sessions a drill-down matches, so the list can be checked against the number clicked. */
export async function countSessions(filter: sessions.SessionFilter): Promise<number> {
  return sessions.countMatchingSessions(getReadStore(), filter);
}

/**
 * A customer (by user id or reference) and their sessions, newest first. Nobody by that name has
 * no sessions (and `customer` null: nothing to put on record); what was asked comes back masked.
 */
export async function listSessionsOfUser(idOrReference: string) {
  const [customer, masker] = await Promise.all([findCustomer(idOrReference), getMasker()]);
  if (!customer) return { customer: null, userId: masker.text(idOrReference), reference: null, sessions: [] };
  const references = new Map([[customer.userId, customer.reference]]);
  const rows = (await sessions.listUserSessions(getReadStore(), customer.userId)).map((s) => toSessionJson(s, masker, references));
  return { customer, ...customerJson(customer, masker), sessions: rows };
}

/**
 * A session and a page of its timeline: events in order, each with its plain-words description,
 * and the fold's snapshots for the page (one at or before its start), so a client folds at most
 * SNAPSHOT_EVERY events with the same journey code to reach any moment.
 */
export async function getSessionTimeline(id: string, fromSeq: number, limit: number) {
  const store = getReadStore();
  const session = await sessions.findSession(store, id);
  if (!session) throw new ApiError("not_found", `session "${id}" not found`, { session: id });
  const members = await sessions.readSessionPositions(store, session.id, fromSeq, limit);
  const events = await readEventsAt(
    store,
    members.map((m) => m.position),
  );
  const bySeq = new Map(members.map((m) => [m.position, m.seq]));
  const definition = await liveJourney(session.journey);
  const toSeq = members.length > 0 ? members[members.length - 1]!.seq : fromSeq;
  const masker = await getMasker();
  return {
    session: toSessionJson(session, masker, await referencesFor([session.userId])),
    ...(session.id !== id ? { resolvedFrom: id } : {}),
    timeline: {
      from: fromSeq,
      count: members.length,
      total: session.eventCount,
      snapshotEvery: SNAPSHOT_EVERY,
      events: events.map((e) => ({
        seq: bySeq.get(Number(e.position))!,
        description: masker.text(definition.describe(maskJourneyEvent(masker, toJourneyEvent(e)))),
        event: maskCloudEvent(masker, toCloudEventJson(e)),
      })),
      snapshots: masker.state(await sessions.readSnapshots(store, session.id, fromSeq, toSeq)),
    },
  };
}
