import "server-only";
import { ApiError } from "../api/errors";
import { getStore } from "../db/prisma";
import { readEventsAt } from "../eventstore/read";
import { toCloudEventJson } from "../eventstore/to-cloud-event";
import { toJourneyEvent } from "../eventstore/journey-events";
import { journeyByName } from "../journeys/registry";
import * as sessions from "../sessions/read-sessions";
import { SNAPSHOT_EVERY } from "../sessions/summarise";

type SessionRow = sessions.Session;

export function toSessionJson(s: SessionRow) {
  return {
    id: s.id,
    userId: s.userId,
    anonymousId: s.anonymousId,
    journey: s.journey,
    startedAt: s.startedAt.toISOString(),
    endedAt: s.endedAt?.toISOString() ?? null,
    lastEventAt: s.lastEventAt.toISOString(),
    endReason: s.endReason,
    outcome: s.outcome,
    eventCount: s.eventCount,
    durationMs: Number(s.durationMs),
    lastStep: s.lastStep,
    resumePoint: s.resumePoint,
  };
}

export async function findUsers(query: string) {
  const store = getStore();
  const ids = await sessions.searchUserIds(store, query);
  const summaries = await sessions.readUserSummaries(store, ids);
  return summaries.map((u) => ({
    userId: u.userId,
    displayName: u.displayName,
    sessionCount: u.sessionCount,
    firstSeen: u.firstSeen.toISOString(),
    lastSeen: u.lastSeen.toISOString(),
    lastOutcome: u.lastOutcome,
    openBooking: u.openBooking,
  }));
}

export async function listSessionsOfUser(userId: string) {
  return (await sessions.listUserSessions(getStore(), userId)).map(toSessionJson);
}

/**
 * A session and a page of its timeline: events in order, each with its plain-words description,
 * and the fold's snapshots for the page (one at or before its start), so a client folds at most
 * SNAPSHOT_EVERY events with the same journey code to reach any moment.
 */
export async function getSessionTimeline(id: string, fromSeq: number, limit: number) {
  const store = getStore();
  const session = await sessions.findSession(store, id);
  if (!session) throw new ApiError("not_found", `session "${id}" not found`, { session: id });
  const members = await sessions.readSessionPositions(store, session.id, fromSeq, limit);
  const events = await readEventsAt(store, members.map((m) => m.position));
  const bySeq = new Map(members.map((m) => [m.position, m.seq]));
  const definition = journeyByName(session.journey);
  const toSeq = members.length > 0 ? members[members.length - 1]!.seq : fromSeq;
  return {
    session: toSessionJson(session),
    ...(session.id !== id ? { resolvedFrom: id } : {}),
    timeline: {
      from: fromSeq,
      count: members.length,
      total: session.eventCount,
      snapshotEvery: SNAPSHOT_EVERY,
      events: events.map((e) => ({
        seq: bySeq.get(Number(e.position))!,
        description: definition.describe(toJourneyEvent(e)),
        event: toCloudEventJson(e),
      })),
      snapshots: await sessions.readSnapshots(store, session.id, fromSeq, toSeq),
    },
  };
}
