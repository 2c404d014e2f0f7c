import { type SessionFacts, sessionFacts } from "../analytics/session-facts";
import type { JourneyCatalog } from "../journeys/catalog";
import { foldEvents } from "../journeys/journey-definition";
import type { JourneyEvent } from "../journeys/journey-event";
import { isAnonymousPerson, type PersonKey } from "../sessions/person";
import { type SessionDraft, sessionize } from "../sessions/sessionize";

/** How one fold (the current catalog's, or the draft's) sees a session, as the comparison needs it. */
export interface SessionView {
  outcome: string;
  outcomeLabel: string;
  lastStep: string;
  /** funnel steps reached in order (the analytics depth) */
  stepsReached: number;
}

/** One session of one fold: where it starts, which events it holds, and, when the draft concerns it, how it folds. */
export interface FoldedSession {
  /** the position of its first event in session order: what sessions are matched by across the two folds */
  firstPosition: number;
  positions: readonly number[];
  journey: string;
  /** the UTC day its first event happened: the day analytics counts it on */
  day: string;
  userId: string | null;
  /** null when neither fold puts it (or a session sharing its events) in the draft's journey */
  view: SessionView | null;
  /** what analytics counts of it: the draft's concerned sessions only (the current figures are the live ones) */
  facts: SessionFacts | null;
}

export interface PersonFold {
  current: FoldedSession[];
  draft: FoldedSession[];
}

export interface FoldOptions {
  timeoutMs: number;
  now: number;
  /**
   * How the live read models hold the current session starting at this position (what a page
   * shows, closed-by-inactivity outcomes included), so the current side is formed, not folded
   * again; null for one they do not hold yet (appended since), which is folded instead.
   */
  currentViewAt?: (firstPosition: number) => SessionView | null;
}

type Formed = { draft: SessionDraft; journey: string };

function form(events: readonly JourneyEvent[], catalog: JourneyCatalog, options: FoldOptions): Formed[] {
  return sessionize(events, { ...options, boundary: catalog.boundaryOf }).map((draft) => ({ draft, journey: catalog.journeyOf(draft.events).name }));
}

/**
 * Which sessions the draft concerns: those of a group of sessions linked by shared events (across
 * the two folds) in which either fold names the draft's journey, so a split or merge is seen whole.
 */
function concernedSessions(current: readonly Formed[], draft: readonly Formed[], name: string): { current: boolean[]; draft: boolean[] } {
  // Union-find over both folds' sessions: current i is node i, draft j is node current.length + j.
  const parent = [...current, ...draft].map((_, i) => i);
  const root = (i: number): number => {
    let at = i;
    while (parent[at] !== at) at = parent[at]!;
    return at;
  };
  const currentAt = new Map<number, number>();
  current.forEach((s, i) => {
    for (const e of s.draft.events) currentAt.set(e.position, i);
  });
  draft.forEach((s, j) => {
    for (const e of s.draft.events) {
      const i = currentAt.get(e.position);
      if (i !== undefined) parent[root(current.length + j)] = root(i);
    }
  });
  const concerned = new Set<number>();
  [...current, ...draft].forEach((s, i) => {
    if (s.journey === name) concerned.add(root(i));
  });
  return {
    current: current.map((_, i) => concerned.has(root(i))),
    draft: draft.map((_, j) => concerned.has(root(current.length + j))),
  };
}

function formedOnly(formed: Formed): FoldedSession {
  const events = formed.draft.events;
  const first = events[0]!;
  return {
    firstPosition: first.position,
    positions: events.map((e) => e.position),
    journey: formed.journey,
    day: new Date(first.time).toISOString().slice(0, 10),
    userId: null,
    view: null,
    facts: null,
  };
}

/** The session folded as the projector's summary folds it (lib/sessions/summarise.ts), so the figures are the ones an apply would store. */
function foldedThrough(person: PersonKey, formed: Formed, catalog: JourneyCatalog): FoldedSession {
  const { events, endReason } = formed.draft;
  const definition = catalog.journeyOf(events);
  const state = foldEvents(definition, events);
  const outcome = definition.outcome(state, endReason === "open");
  const facts = sessionFacts(definition, events, outcome, endReason);
  const view = { outcome, outcomeLabel: definition.outcomeLabel(state, outcome), lastStep: definition.lastStep(state), stepsReached: facts.depth };
  return { ...formedOnly(formed), day: facts.day, userId: isAnonymousPerson(person) ? null : person, view, facts };
}

/**
 * One person's events sessionized and folded twice, with the current catalog and with the
 * draft's (pure). Only sessions the draft concerns are folded through (concernedSessions); the
 * others are only formed, which is enough to match them. The current side of a concerned session
 * is read from the live read models when they hold it (currentViewAt): half the folding.
 */
export function foldPerson(
  person: PersonKey,
  events: readonly JourneyEvent[],
  catalogs: { current: JourneyCatalog; draft: JourneyCatalog },
  draftName: string,
  options: FoldOptions,
): PersonFold {
  const current = form(events, catalogs.current, options);
  const draft = form(events, catalogs.draft, options);
  const concerned = concernedSessions(current, draft, draftName);
  const currentOf = (s: Formed): FoldedSession => {
    const live = options.currentViewAt?.(s.draft.events[0]!.position) ?? null;
    return live ? { ...formedOnly(s), view: live } : foldedThrough(person, s, catalogs.current);
  };
  return {
    current: current.map((s, i) => (concerned.current[i] ? currentOf(s) : formedOnly(s))),
    draft: draft.map((s, j) => (concerned.draft[j] ? foldedThrough(person, s, catalogs.draft) : formedOnly(s))),
  };
}
