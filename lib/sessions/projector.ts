import type { Store } from "../db/prisma";
import { readJourneyEventsAt, readJourneyFeed, readUnownedFlowEvents } from "../eventstore/journey-events";
import type { JourneyEvent } from "../journeys/journey-event";
import { boundaryOf, journeyByName, searchTermsOf } from "../journeys/registry";
import { anonymousPerson, isAnonymousPerson, isRewindEvent, resolvePerson, type PersonKey } from "./person";
import * as rm from "./projection-store";
import { applyRollupDelta, loadCountedSessions, refreshDailyRollups } from "../analytics/rollup-store";
import { assignSessionIds, type PreviousSession } from "./session-ids";
import { DEFAULT_TIMEOUT_MS, sessionize } from "./sessionize";
import { summariseSession, type SessionRecord } from "./summarise";
import { yieldToEventLoop } from "../db/event-loop";
import { sql, toMs } from "../db/sql";
import { assignReferences } from "../users/user-references";
import { projectPageOrSetAside } from "./isolate-failing-event";

export const CHECKPOINT = "sessions";

export interface ProjectorOptions {
  timeoutMs?: number;
  /** events per page; a page is one transaction */
  pageSize?: number;
  /** the clock: sessions idle for less than the timeout at this moment are open */
  now?: () => number;
  /**
   * A rebuild collects the users whose summaries changed here and refreshes them once at the end,
   * instead of once per page (a user's sessions span pages).
   */
  deferredUsers?: Set<string>;
  /** likewise the days whose analytics counters a rebuild recomputes at the end */
  deferredDays?: Set<string>;
  /** fold this one set-aside event (a retry from /admin/dead-letters), leaving the checkpoint as it is */
  only?: number;
}

interface Dirty {
  since: number;
  producerIds: Set<string>;
  /** visitors merged into this user by a link in this page */
  merged: Set<PersonKey>;
}

/**
 * Projects one page of events after the checkpoint into the session read models, in one
 * transaction with the checkpoint, so a crash or a second projector never applies a page twice.
 * Only the persons the page touches are folded again, and for each only the sessions the new
 * (possibly late) events can touch. Answers how many events it read.
 */
export async function projectNextPage(store: Store, options: ProjectorOptions = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = (options.now ?? Date.now)();
  const provider = store.target.provider;
  return store.db.$transaction(
    async (tx) => {
      const checkpoint = await rm.lockAndReadCheckpoint(tx, provider, CHECKPOINT);
      // A retry takes the event out of the dead letters first (the feed skips them), in this transaction.
      if (options.only !== undefined) await tx.deadLetter.deleteMany({ where: { position: BigInt(options.only) } });
      const page =
        options.only !== undefined
          ? (await readJourneyFeed({ ...store, db: tx as never }, options.only - 1, 1)).filter((e) => e.position === options.only)
          : await readJourneyFeed({ ...store, db: tx as never }, checkpoint, options.pageSize ?? LIVE_PAGE);
      if (page.length === 0) return 0;
      const pageEnd = page[page.length - 1]!.position;
      const events = page.filter((e) => !isRewindEvent(e));
      const scopedStore = { ...store, db: tx as never };

      // 1. Identity links (a visitor signing in) and flow owners, known ones first.
      const links = await rm.loadLinks(tx, provider, [...new Set(events.flatMap((e) => (e.anonymousid ? [e.anonymousid] : [])))]);
      const owners = await rm.loadOwners(tx, provider, [...new Set(events.flatMap((e) => (e.correlationid ? [e.correlationid] : [])))]);
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
      const lookup = { userOfAnonymous: (a: string) => links.get(a), ownerOfCorrelation: (c: string) => owners.get(c) };
      const newOwners: [string, string][] = [];
      for (const e of events) {
        if (!e.correlationid || owners.has(e.correlationid) || (!e.userid && !e.anonymousid)) continue;
        const person = resolvePerson(e, lookup)!;
        owners.set(e.correlationid, person);
        newOwners.push([e.correlationid, person]);
      }
      await rm.saveLinks(tx, provider, newLinks);
      await rm.saveOwners(tx, provider, newOwners);
      // 2. Who each event belongs to, including earlier flow events whose owner just became known.
      const orphans = await readUnownedFlowEvents(scopedStore, newOwners.map(([c]) => c), checkpoint);
      const dirty = new Map<PersonKey, Dirty>();
      const touch = (person: PersonKey, e: JourneyEvent) => {
        const d = dirty.get(person) ?? { since: e.time, producerIds: new Set<string>(), merged: new Set<PersonKey>() };
        d.since = Math.min(d.since, e.time);
        if (e.sessionid) d.producerIds.add(e.sessionid);
        dirty.set(person, d);
      };
      const assigned: { position: number; person: string; time: number }[] = [];
      for (const e of [...orphans, ...events]) {
        const person = resolvePerson(e, lookup);
        if (!person) continue;
        assigned.push({ position: e.position, person, time: e.time });
        touch(person, e);
      }
      // A visitor who just signed in: their earlier events and sessions become the user's.
      if (merges.length > 0) {
        const visitorSessions = await rm.loadSessionsOfPersons(tx, provider, merges.map(([from]) => from));
        await rm.movePersons(tx, provider, merges);
        for (const [from, to] of merges) {
          const d = dirty.get(to)!;
          d.merged.add(from);
          for (const s of visitorSessions.filter((v) => v.person === from)) d.since = Math.min(d.since, toMs(s.started_at));
          const visitorDirty = dirty.get(from);
          if (visitorDirty) {
            d.since = Math.min(d.since, visitorDirty.since);
            dirty.delete(from);
          }
        }
      }
      // 3. Fold again the sessions the new events can touch, and only those.
      // Sessions that ended within the timeout before a person's earliest new event (or later),
      // or that share a producer session id with the new events, can change; folding starts at
      // the earliest of them, and every session from there on is folded again.
      const probe = [...dirty].map(([person, d]) => ({ person, since: d.since - timeoutMs, producerIds: [...d.producerIds] }));
      const from = new Map([...dirty].map(([person, d]) => [person, d.since]));
      for (const s of await rm.loadTouchedSessions(tx, provider, probe)) {
        from.set(s.person, Math.min(from.get(s.person)!, toMs(s.started_at)));
      }
      const windowed = await rm.loadTouchedSessions(
        tx,
        provider,
        [...from].map(([person, since]) => ({ person, since, producerIds: [] })),
      );
      const mergedSessions = await rm.loadSessionsOfPersons(tx, provider, [...dirty.values()].flatMap((d) => [...d.merged]));
      const previousRows = [...new Map([...windowed, ...mergedSessions].map((s) => [s.id, s])).values()];
      // A person's events from the window's start are the page's, the newly owned flow events',
      // and those of the sessions being folded again: every event with a person is in a session.
      const positions = await rm.loadSessionPositions(tx, provider, previousRows.map((s) => s.id));
      const known = new Map([...orphans, ...events].map((e) => [e.position, e]));
      const older = await readJourneyEventsAt(scopedStore, [...positions.values()].flat().filter((p) => !known.has(p)));
      for (const e of older) known.set(e.position, e);
      const personEvents = new Map<PersonKey, JourneyEvent[]>();
      const add = (person: PersonKey, e: JourneyEvent) => {
        const list = personEvents.get(person);
        if (list) list.push(e);
        else personEvents.set(person, [e]);
      };
      const assignedPositions = new Map(assigned.map((x) => [x.position, x]));
      for (const a of assignedPositions.values()) add(a.person, known.get(a.position)!);
      const ownerOfSession = (person: PersonKey) =>
        dirty.has(person) ? person : [...dirty].find(([, d]) => d.merged.has(person))?.[0];
      for (const s of previousRows) {
        const owner = ownerOfSession(s.person);
        if (!owner) continue;
        for (const p of positions.get(s.id) ?? []) if (!assignedPositions.has(p)) add(owner, known.get(p)!);
      }
      // Producer session ids already held by sessions that are not folded again (another person's,
      // or this person's outside the window) are not reused: the repeat gets a suffix.
      const candidateIds = [...new Set([...personEvents.values()].flat().flatMap((e) => (e.sessionid ? [e.sessionid] : [])))];
      const refolded = new Set(previousRows.map((s) => s.id));
      const heldElsewhere = new Set((await rm.loadExistingIds(tx, provider, candidateIds)).filter((id) => !refolded.has(id)));
      const records: SessionRecord[] = [];
      const aliases: { alias: string; target: string }[] = [];
      for (const [person, d] of dirty) {
        const previous: PreviousSession[] = previousRows
          .filter((s) => s.person === person || d.merged.has(s.person))
          .map((s) => ({ id: s.id, startedAt: toMs(s.started_at), positions: new Set(positions.get(s.id) ?? []) }));
        const drafts = sessionize(personEvents.get(person) ?? [], { timeoutMs, now, boundary: boundaryOf });
        const ids = assignSessionIds(previous, drafts, person, (id) => heldElsewhere.has(id));
        // Persons later in this page must not take these ids either.
        for (const id of ids.ids) heldElsewhere.add(id);
        drafts.forEach((draft, i) => records.push(summariseSession(draft, ids.ids[i]!, person)));
        aliases.push(...ids.aliases);
      }
      // 4. Analytics: the counters move by what the sessions folded again changed (a rebuild
      // recomputes whole days at its end instead).
      const before = options.deferredDays ? [] : await loadCountedSessions(tx, provider, previousRows.map((s) => s.id));
      await rm.deleteSessions(tx, provider, previousRows.map((s) => s.id));
      await rm.insertSessions(tx, provider, records);
      if (options.deferredDays) for (const r of records) options.deferredDays.add(r.facts.day);
      else {
        const after = records.map((r) => ({ day: r.facts.day, journey: r.journey, userId: r.userId, outcome: r.outcome, facts: r.facts }));
        await applyRollupDelta(tx, provider, before, after);
      }
      await rm.saveAliases(tx, provider, aliases);
      // 5. User summaries and the words support agents search by.
      const terms: rm.SearchTermRow[] = [];
      for (const person of new Set(assigned.map((a) => a.person))) {
        if (!isAnonymousPerson(person)) terms.push([person.toLowerCase(), person, "user"]);
      }
      // From every event folded again, not only the page's: a flow event whose owner became known
      // in this page is searchable too, wherever the page boundaries fell.
      for (const [person, list] of personEvents) {
        if (isAnonymousPerson(person)) continue;
        for (const e of list) for (const { term, kind } of searchTermsOf(e)) terms.push([term, person, kind]);
      }
      await rm.saveSearchTerms(tx, provider, terms);
      const users = [...dirty.keys()].filter((p) => !isAnonymousPerson(p));
      // A user id seen for the first time gets its reference here, with the sessions that show it.
      await assignReferences(tx, provider, users);
      if (options.deferredUsers) for (const u of users) options.deferredUsers.add(u);
      else await rm.refreshUserSummaries(tx, provider, users);
      if (options.only === undefined) await rm.writeCheckpoint(tx, provider, CHECKPOINT, pageEnd);
      return page.length;
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}

/** Events per live page. */
const LIVE_PAGE = 5_000;

/** Projects every page there is; answers how many events it read. */
export async function catchUp(store: Store, options: ProjectorOptions = {}): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await projectPageOrSetAside(store, options);
    if (n === 0) return total;
    total += n;
    // The server answers requests between pages, however much there is to catch up.
    await yieldToEventLoop();
  }
}

/**
 * Closes sessions that have been idle longer than the timeout (end reason `timed_out`), so a quiet
 * session does not stay live forever. Answers how many it closed.
 */
export async function closeIdleSessions(store: Store, options: ProjectorOptions = {}): Promise<number> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = (options.now ?? Date.now)();
  return store.db.$transaction(async (tx) => {
    await rm.lockAndReadCheckpoint(tx, store.target.provider, CHECKPOINT);
    const { closed, before, after } = await rm.closeIdle(tx, store.target.provider, now - timeoutMs, (journey, state) => journeyByName(journey).outcome(state, false));
    await applyRollupDelta(tx, store.target.provider, before, after);
    return closed;
  });
}

const READ_MODELS = [
  "identity_links", "correlation_owners", "sessions", "session_blocks", "user_summaries", "user_search_terms", "analytics_daily", "analytics_daily_gaps",
] as const;

/** Pages of a rebuild: larger than live pages (fewer sessions straddle a page), still bounded. */
export const REBUILD_PAGE = 20_000;

/** Empties the session read models and projects the whole store again, page by page. */
export async function rebuildProjections(store: Store, options: ProjectorOptions = {}): Promise<number> {
  await store.db.$transaction(async (tx) => {
    await rm.lockAndReadCheckpoint(tx, store.target.provider, CHECKPOINT);
    // Aliases are kept: they record ids that once existed, and a rebuild derives the same ids.
    // Customers' references (user_references) are kept too: they are not derived, they are given.
    for (const table of READ_MODELS) await tx.$executeRawUnsafe(`DELETE FROM "${table}"`);
    await rm.writeCheckpoint(tx, store.target.provider, CHECKPOINT, 0);
  });
  const deferredUsers = new Set<string>();
  const deferredDays = new Set<string>();
  const events = await catchUp(store, { pageSize: REBUILD_PAGE, ...options, deferredUsers, deferredDays });
  const users = [...deferredUsers];
  for (let i = 0; i < users.length; i += REBUILD_PAGE) {
    await store.db.$transaction(async (tx) => {
      await rm.lockAndReadCheckpoint(tx, store.target.provider, CHECKPOINT);
      await rm.refreshUserSummaries(tx, store.target.provider, users.slice(i, i + REBUILD_PAGE));
    });
  }
  const days = [...deferredDays].sort();
  for (let i = 0; i < days.length; i += 31) {
    await store.db.$transaction(
      async (tx) => {
        await rm.lockAndReadCheckpoint(tx, store.target.provider, CHECKPOINT);
        await refreshDailyRollups(tx, store.target.provider, days.slice(i, i + 31));
      },
      { maxWait: 60_000, timeout: 300_000 },
    );
  }
  return events;
}

/**
 * Recomputes the counters of days that have sessions but no counters (a rebuild stopped before its
 * last step, which recomputes the days at the end); answers how many days.
 */
export async function repairDailyRollups(store: Store): Promise<number> {
  return store.db.$transaction(
    async (tx) => {
      await rm.lockAndReadCheckpoint(tx, store.target.provider, CHECKPOINT);
      const rows = await tx.$queryRaw<{ analytics_day: string }[]>(
        sql`SELECT DISTINCT s."analytics_day" FROM "sessions" s WHERE s."analytics_day" IS NOT NULL AND NOT EXISTS
          (SELECT 1 FROM "analytics_daily" d WHERE d."day" = s."analytics_day" AND d."journey" = s."journey" AND d."kind" = 'sessions')`,
      );
      await refreshDailyRollups(tx, store.target.provider, rows.map((r) => r.analytics_day));
      return rows.length;
    },
    { maxWait: 60_000, timeout: 300_000 },
  );
}

/** Summarises users whose sessions have no summary yet; answers how many. */
export async function repairSummaries(store: Store): Promise<number> {
  return store.db.$transaction(async (tx) => {
    await rm.lockAndReadCheckpoint(tx, store.target.provider, CHECKPOINT);
    return rm.repairUserSummaries(tx, store.target.provider);
  }, { maxWait: 60_000, timeout: 300_000 });
}
