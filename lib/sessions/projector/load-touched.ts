import { toMs } from "../../db/sql";
import { readUnownedFlowEvents } from "../../eventstore/journey-events";
import type { JourneyEvent } from "../../journeys/journey-event";
import * as rm from "../projection-store";
import type { ResolvedIdentities } from "./identities";
import type { PageContext } from "./page-context";
import { mergeVisitors, touchedPersons } from "./touched";

/**
 * Who each event belongs to, including earlier flow events whose owner just became known (the
 * orphans); a visitor who just signed in hands their stored sessions to the user.
 */
export async function findTouchedPersons(page: PageContext, events: readonly JourneyEvent[], identities: ResolvedIdentities, checkpoint: number) {
  const orphans = await readUnownedFlowEvents(
    page.store,
    identities.newOwners.map(([c]) => c),
    checkpoint,
  );
  const folded = [...orphans, ...events];
  const { dirty, assigned } = touchedPersons(folded, identities.lookup);
  const { merges } = identities;
  if (merges.length > 0) {
    const visitorSessions = await rm.loadSessionsOfPersons(
      page,
      merges.map(([from]) => from),
    );
    await rm.movePersons(page, merges);
    mergeVisitors(
      dirty,
      merges,
      visitorSessions.map((s) => ({ person: s.person, startedAt: toMs(s.started_at) })),
    );
  }
  return { dirty, assigned, folded };
}

export type TouchedPersons = Awaited<ReturnType<typeof findTouchedPersons>>;
