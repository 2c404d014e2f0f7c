import { funnelAnswer } from "../analytics/answers";
import type { SessionFacts } from "../analytics/session-facts";
import type { DayRange } from "../analytics/range";
import { readFunnelAnswer } from "../analytics/read-answers";
import { type Env, positiveFromEnv } from "../config/env-number";
import type { Store } from "../db/prisma";
import { yieldToEventLoop } from "../db/event-loop";
import { countJourneyFeed, readJourneyFeed } from "../eventstore/journey-events";
import { readHeadPosition } from "../eventstore/read";
import type { JourneyCatalog } from "../journeys/catalog";
import type { JourneyDocument } from "../journeys/definition/definition-schema";
import type { JourneyEvent } from "../journeys/journey-event";
import { readDefinitionVersions } from "../journey-store/definition-store";
import { catalogOfDocuments } from "../journey-store/journey-catalog";
import { liveCatalogOf } from "../journey-store/live-catalog";
import { liveGeneration } from "../sessions/generations";
import { type FrozenSession, readFrozenSessions } from "../sessions/frozen-sessions";
import { eventsByPerson } from "../sessions/project-in-memory";
import { DEFAULT_TIMEOUT_MS } from "../sessions/sessionize";
import { compareSessions } from "./compare-sessions";
import { type FoldedSession, foldPerson, type SessionView } from "./fold-person";
import { type WhatIfResult, WhatIfTally } from "./what-if-result";

export interface WhatIfOptions {
  timeoutMs?: number;
  /** the clock sessions are judged open or closed at (the projector's) */
  now?: () => number;
  pageSize?: number;
  /**
   * Told the progress every PROGRESS_MS or so, and at the end (done of total events: reading then
   * folding, each half of the count); answering false stops the fold (cancelled).
   */
  onProgress?: (done: number, total: number) => Promise<boolean> | boolean;
}

/**
 * Events per page read (REWIND_WHAT_IF_PAGE overrides it): a tenth of a rebuild's, since a page is
 * read and parsed in one turn of the event loop and the server answers nothing meanwhile.
 */
export const WHAT_IF_PAGE = 2_000;

export function whatIfPageSize(env: Env = process.env): number {
  return positiveFromEnv(env, "REWIND_WHAT_IF_PAGE", WHAT_IF_PAGE, { integer: true });
}
/**
 * Folding yields to the event loop once it has held it this long (people are folded whole): each
 * await of a request the server answers meanwhile waits for up to one slice.
 */
const FOLD_SLICE_MS = 3;
/** Progress is told (and a cancel seen) at most this often, besides at the end. */
const PROGRESS_MS = 100;

/** The catalogs of the two folds: the live generation's, and the same with the draft in its name's place. */
async function catalogsOf(store: Store, draft: JourneyDocument): Promise<{ current: JourneyCatalog; draft: JourneyCatalog }> {
  const live = await liveGeneration(store);
  // "@" keys are built-in journeys' fold versions (issue 14), not stored definitions.
  const stored = Object.fromEntries(Object.entries(live.definitions).filter(([name]) => !name.startsWith("@") && name !== draft.name));
  const others = (await readDefinitionVersions(store, stored)).map((v) => v.document);
  return { current: await liveCatalogOf(store), draft: catalogOfDocuments([...others, draft]) };
}

/**
 * A draft definition tried on the whole history, in memory, beside the current version (never
 * writing a read model): every event up to the head is read in pages (sessions, identities and
 * flow owners depend on events before the range), each person's events are folded with both
 * catalogs, and the sessions that started in the range are compared and counted. Yields to the
 * event loop between pages and slices, so a server running it keeps answering. Null when stopped.
 */
export async function computeWhatIf(store: Store, draft: JourneyDocument, range: DayRange, options: WhatIfOptions = {}): Promise<WhatIfResult | null> {
  const head = await readHeadPosition(store);
  const total = await countJourneyFeed(store, head);
  const catalogs = await catalogsOf(store, draft);
  const draftJourney = catalogs.draft.byName(draft.name)!;
  const liveJourney = catalogs.current.byName(draft.name);
  // The current figures are the live funnel answer itself, read when the fold starts.
  const current = liveJourney ? await readFunnelAnswer(store, liveJourney, range) : funnelAnswer(draftJourney, range, [], new Map());
  let toldAt = 0;
  const progress = async (done: number, force = false) => {
    if (!options.onProgress || (!force && performance.now() - toldAt < PROGRESS_MS)) return true;
    toldAt = performance.now();
    return options.onProgress(Math.min(total, Math.floor(done / 2)), total);
  };

  const events: JourneyEvent[] = [];
  for (let after = 0; after < head; ) {
    const page = (await readJourneyFeed(store, after, options.pageSize ?? WHAT_IF_PAGE)).filter((e) => e.position <= head);
    if (page.length === 0) break;
    events.push(...page);
    after = page[page.length - 1]!.position;
    if (!(await progress(events.length))) return null;
    await yieldToEventLoop();
  }

  const live = await readLiveSessions(store);
  const tally = new WhatIfTally(draft.name, range);
  // A session that held a purged event is taken as stored on both sides (the draft cannot fold
  // what is gone), and what remains of it is not folded again: docs/retention-read-models.md.
  const frozen = await readFrozenSessions(store);
  tally.add(frozen.map(frozenAsFolded), []);
  const held = new Set(frozen.flatMap((f) => f.positions));
  const fold = {
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    now: (options.now ?? Date.now)(),
    currentViewAt: (first: number) => live.get(first)?.view ?? null,
  };
  let folded = 0;
  let sliceStarted = performance.now();
  for (const [person, list] of eventsByPerson(held.size === 0 ? events : events.filter((e) => !held.has(e.position)))) {
    const both = foldPerson(person, list, catalogs, draft.name, fold);
    tally.add(both.draft, compareSessions(both));
    folded += list.length;
    if (performance.now() - sliceStarted >= FOLD_SLICE_MS) {
      if (!(await progress(total + folded))) return null;
      await yieldToEventLoop();
      sliceStarted = performance.now();
    }
  }

  if (!(await progress(2 * total, true))) return null;
  return tally.result(current, draftJourney, new Map([...live].map(([first, s]) => [first, s.id])));
}

/** A frozen session as the tally counts a draft's: its stored fold, the same on both sides. */
function frozenAsFolded(f: FrozenSession): FoldedSession {
  const view = { outcome: f.outcome, outcomeLabel: f.outcomeLabel, lastStep: f.lastStep, stepsReached: f.stepsReached };
  return {
    firstPosition: f.firstPosition,
    positions: f.positions,
    journey: f.journey,
    day: f.day,
    userId: f.userId,
    view,
    facts: f.facts as SessionFacts | null,
  };
}

/** Live sessions read per page: their ids and how they fold now, by first position. */
const SESSION_PAGE = 2_000;

/**
 * The live sessions by first position: each one's id (a draft session is named by the current one
 * it matches) and how it stands now, as pages show it. Read in pages of the primary key, yielding
 * between them.
 */
async function readLiveSessions(store: Store): Promise<Map<number, { id: string; view: SessionView }>> {
  const sessions = new Map<number, { id: string; view: SessionView }>();
  for (let after: string | undefined; ; ) {
    const rows = await store.db.session.findMany({
      where: after === undefined ? {} : { id: { gt: after } },
      orderBy: { id: "asc" },
      take: SESSION_PAGE,
      select: { id: true, firstPosition: true, outcome: true, outcomeLabel: true, lastStep: true, funnelDepth: true },
    });
    for (const r of rows) {
      // A row folded before outcome labels or analytics existed words its outcome plainly.
      const view = { outcome: r.outcome, outcomeLabel: r.outcomeLabel ?? r.outcome, lastStep: r.lastStep, stepsReached: r.funnelDepth ?? 0 };
      sessions.set(Number(r.firstPosition), { id: r.id, view });
    }
    if (rows.length < SESSION_PAGE) return sessions;
    after = rows[rows.length - 1]!.id;
    await yieldToEventLoop();
  }
}
