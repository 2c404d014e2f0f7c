import "server-only";
import type { JourneyDocument } from "../journeys/definition/definition-schema";
import { describeEvents } from "../journeys/journey-definition";
import { getReadStore } from "../db/read-store";
import { readJourneyEventsAt } from "../eventstore/journey-events";
import { readEventsAt } from "../eventstore/read";
import { toCloudEventJson, type CloudEventJson } from "../eventstore/to-cloud-event";
import { findSession, listUserSessions, readSnapshots } from "../sessions/read-sessions";
import { SNAPSHOT_EVERY } from "../sessions/session-block";
import type { Masker } from "../privacy/mask";
import { maskCloudEvent, maskJourneyEvent } from "../privacy/mask-events";
import { exportPages } from "../sessions/session-export";
import { serviceLabel } from "../replay/service-label";
import type { JourneyVersion } from "../journey-store/journey-version";
import { liveJourney, liveJourneyVersion } from "./catalog";
import { getMasker } from "./privacy";
import { referencesFor } from "./customers";
import { toSessionJson } from "./sessions";
import { resumeOfSession } from "../resume/find-resume";
import type { ResumePoint } from "../journeys/journey-definition";
import { leftOffNow } from "../replay/left-off-now";
import { gapRows, type GapRow } from "../replay/removed-gaps";
import { readHeldPositions, readRemovedEvents } from "../sessions/removed-events";
import { codesInState, nameCodesIn } from "../journeys/place-label";
import { placesFor } from "./place-names";

export type SessionJson = ReturnType<typeof toSessionJson>;

/** Everything the player needs up front: one compact row per event (the full events load per block). */
export interface ReplayIndex {
  session: SessionJson;
  times: number[];
  types: string[];
  services: string[];
  descriptions: string[];
  previousSessionId: string | null;
  nextSessionId: string | null;
  /** the session's journey as its JSON definition (a data journey), so the browser folds it as the server did; null for a built-in one */
  journeyDocument: JourneyDocument | null;
  /** which version of the journey folded the session as the read models hold it ("shop v3") */
  journeyVersion: JourneyVersion;
  /** destination codes of the session → what the whole store calls them, for the state panel ("MLA" → "Malta") */
  places: Record<string, string>;
  /** events a retention purge removed, as gaps among the remaining ones (docs/retention-read-models.md) */
  removed: GapRow[];
}

const MAX_EVENTS = 200_000;
/** How many earlier events a live tail reads for the names they gave (a few hundred in a typical session). */
const TAIL_LOOK_BACK = 2_000;

type FoundSession = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/**
 * The session as the replay, its live tail and the printable summary show it: its resume point
 * judged now, by the function the customer page's Resume card uses, so the two agree.
 */
async function sessionJsonNow(session: FoundSession, masker: Masker): Promise<SessionJson> {
  const judged = session.endReason === "open" ? null : await resumeOfSession(getReadStore(), session, Date.now());
  const point = leftOffNow(session.resumePoint as ResumePoint | null, judged?.answer.resume ?? null);
  // A place the session never named itself ("MLA", booked after searching Lisbon) as another session named it.
  const places = point ? await placesFor(Object.values(point.chosen)) : new Map<string, string>();
  const named = point ? { ...point, chosen: nameCodesIn(point.chosen, places) } : null;
  return toSessionJson({ ...session, resumePoint: named as never }, masker, await referencesFor([session.userId]));
}

/** The compact rows the player draws from: time, type, service and plain words for each event from `fromSeq`. */
async function compactRows(session: FoundSession, fromSeq: number, limit: number, masker: Masker) {
  const store = getReadStore();
  // A live tail reads the events before it as well, up to TAIL_LOOK_BACK of them, only for what they
  // named: "Saved Blue Bay Resort Malta (all-inclusive)" as the timeline says it, not "Saved offer OF-…".
  const lookBack = Math.min(fromSeq, TAIL_LOOK_BACK);
  const { members } = await readHeldPositions(store, session.id, fromSeq - lookBack, limit + lookBack);
  const events = await readJourneyEventsAt(
    store,
    members.map((m) => m.position),
  );
  const byPosition = new Map(events.map((e) => [e.position, e]));
  const held = members.filter((m) => byPosition.has(m.position));
  const read = held.map((m) => byPosition.get(m.position)!);
  const before = held.filter((m) => m.seq < fromSeq).length;
  const ordered = read.slice(before);
  const definition = await liveJourney(session.journey);
  return {
    times: ordered.map((e) => e.time),
    // Types and sources are a producer's strings like any other: through the patterns.
    types: ordered.map((e) => masker.text(e.type)),
    services: ordered.map((e) => masker.text(serviceLabel(definition, e, (source) => source.split("/").filter(Boolean).pop() ?? "other"))),
    // Described from the masked event: a description quotes data.
    descriptions: describeEvents(
      definition,
      read.map((e) => maskJourneyEvent(masker, e)),
    )
      .slice(before)
      .map((d) => masker.text(d)),
  };
}

/** The session's removed events as gaps; the type is a producer's string: through the patterns. */
export async function removedGaps(sessionId: string, masker: Masker): Promise<GapRow[]> {
  const removed = await readRemovedEvents(getReadStore(), sessionId);
  return gapRows(removed.map((r) => ({ ...r, type: masker.text(r.type) })));
}

/** `revealed`: only for a session revealed with a reason (the caller checked the grant). */
export async function getReplayIndex(sessionId: string, revealed = false): Promise<ReplayIndex | null> {
  const store = getReadStore();
  const session = await findSession(store, sessionId);
  if (!session) return null;
  const masker = await getMasker(revealed);
  const rows = await compactRows(session, 0, MAX_EVENTS, masker);
  const siblings = session.userId ? await listUserSessions(store, session.userId) : [];
  const at = siblings.findIndex((s) => s.id === session.id);
  return {
    session: await sessionJsonNow(session, masker),
    ...rows,
    // Sessions are listed newest first: the previous session is the next one in the list.
    previousSessionId: at >= 0 ? (siblings[at + 1]?.id ?? null) : null,
    nextSessionId: at > 0 ? (siblings[at - 1]?.id ?? null) : null,
    journeyDocument: ((await liveJourney(session.journey)).document as JourneyDocument | undefined) ?? null,
    journeyVersion: await liveJourneyVersion(session.journey),
    places: Object.fromEntries(await placesFor(codesInState(session.finalState))),
    removed: await removedGaps(session.id, masker),
  };
}

/** Events of a session from `fromSeq` on (what a live replay appends), with the session as it is now. */
export async function getReplayTail(sessionId: string, fromSeq: number, revealed = false) {
  const store = getReadStore();
  const session = await findSession(store, sessionId);
  if (!session) return null;
  const masker = await getMasker(revealed);
  return { session: await sessionJsonNow(session, masker), ...(await compactRows(session, fromSeq, 5_000, masker)) };
}

/** A page of a session's events as the journey fold reads them (what the player folds in the browser). */
export async function getReplayEvents(sessionId: string, fromSeq: number, limit: number, revealed = false) {
  const store = getReadStore();
  const session = await findSession(store, sessionId);
  if (!session) return null;
  const { members } = await readHeldPositions(store, session.id, fromSeq, limit);
  const events = await readJourneyEventsAt(
    store,
    members.map((m) => m.position),
  );
  const byPosition = new Map(events.map((e) => [e.position, e]));
  const masker = await getMasker(revealed);
  return members
    .map((m) => byPosition.get(m.position)!)
    .filter(Boolean)
    .map((e) => maskJourneyEvent(masker, e));
}

/** A block of 100 events in full, with the journey state before its first event. */
export interface ReplayBlock {
  block: number;
  fromSeq: number;
  state: unknown | null;
  events: CloudEventJson[];
}

export async function getReplayBlock(sessionId: string, block: number, revealed = false): Promise<ReplayBlock | null> {
  const store = getReadStore();
  const session = await findSession(store, sessionId);
  if (!session) return null;
  const fromSeq = block * SNAPSHOT_EVERY;
  const { members, purged } = await readHeldPositions(store, session.id, fromSeq, SNAPSHOT_EVERY);
  const events = await readEventsAt(
    store,
    members.map((m) => m.position),
  );
  // A purged session's stored states stand before a seq, not before this index: none, and the
  // player's whole-session fold of what remains answers instead (docs/retention-read-models.md).
  const [snapshot] = block > 0 && !purged ? await readSnapshots(store, session.id, fromSeq, fromSeq) : [];
  const masker = await getMasker(revealed);
  return { block, fromSeq, state: masker.state(snapshot?.state ?? null), events: events.map((e) => maskCloudEvent(masker, toCloudEventJson(e))) };
}

/**
 * Everything the printable summary shows: the session, its events as stored, and each in plain
 * words. The page renders as one document, so this one is held whole (up to MAX_EVENTS); the JSON
 * and CSV exports stream the same pages (lib/data/session-export.ts).
 */
export async function getSessionExport(sessionId: string, revealed = false) {
  const store = getReadStore();
  const session = await findSession(store, sessionId);
  if (!session) return null;
  const masker = await getMasker(revealed);
  const events = [];
  for await (const page of exportPages(
    store,
    { ...session, eventCount: Math.min(session.eventCount, MAX_EVENTS), definition: await liveJourney(session.journey) },
    masker,
  ))
    events.push(...page);
  return {
    session: await sessionJsonNow(session, masker),
    events,
    journeyVersion: await liveJourneyVersion(session.journey),
    removed: await removedGaps(session.id, masker),
  };
}
