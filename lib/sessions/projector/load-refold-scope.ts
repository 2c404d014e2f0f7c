import { toMs } from "../../db/sql";
import { readJourneyEventsAt } from "../../eventstore/journey-events";
import { frozenAmong } from "../frozen-sessions";
import * as rm from "../projection-store";
import type { TouchedPersons } from "./load-touched";
import type { PageContext } from "./page-context";
import { gatherPersonEvents, producerIdsOf, touchProbe, windowStarts, type PreviousRow } from "./refold-scope";

const previousRow = (s: rm.StoredSessionRow): PreviousRow => ({ id: s.id, person: s.person, startedAt: toMs(s.started_at) });

/**
 * The stored sessions the new events can touch, and only those, with every event they hold:
 * folding starts at the earliest of them, and every session from there on is folded again, but a
 * frozen one: a late event of its person makes a session of its own (docs/retention-read-models.md).
 */
export async function loadRefoldScope(page: PageContext, touched: TouchedPersons, timeoutMs: number) {
  const { dirty } = touched;
  const probed = (await rm.loadTouchedSessions(page, touchProbe(dirty, timeoutMs))).map(previousRow);
  const windows = [...windowStarts(dirty, probed)].map(([person, since]) => ({ person, since, producerIds: [] }));
  const windowed = await rm.loadTouchedSessions(page, windows);
  const mergedSessions = await rm.loadSessionsOfPersons(
    page,
    [...dirty.values()].flatMap((d) => [...d.merged]),
  );
  const candidates = [...new Map([...windowed, ...mergedSessions].map((s) => [s.id, s])).values()].map(previousRow);
  // A frozen session (it held a purged event) is kept as stored: never folded again, its id held.
  const frozen = await frozenAmong(
    page,
    candidates.map((s) => s.id),
  );
  const previous = candidates.filter((s) => !frozen.has(s.id));
  const positions = await rm.loadSessionPositions(
    page,
    previous.map((s) => s.id),
  );
  const known = new Map(touched.folded.map((e) => [e.position, e]));
  const older = await readJourneyEventsAt(
    page.store,
    [...positions.values()].flat().filter((p) => !known.has(p)),
  );
  for (const e of older) known.set(e.position, e);
  const personEvents = gatherPersonEvents(dirty, touched.assigned, previous, positions, known);
  // Producer session ids already held by sessions that are not folded again (another person's,
  // or this person's outside the window) are not reused: the repeat gets a suffix.
  const refolded = new Set(previous.map((s) => s.id));
  const heldElsewhere = new Set((await rm.loadExistingIds(page, producerIdsOf(personEvents))).filter((id) => !refolded.has(id)));
  for (const id of frozen) heldElsewhere.add(id);
  return { previous, positions, personEvents, heldElsewhere };
}
