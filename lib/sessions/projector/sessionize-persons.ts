import type { JourneyEvent } from "../../journeys/journey-event";
import type { JourneyCatalog } from "../../journeys/catalog";
import type { PersonKey } from "../person";
import { assignSessionIds, type PreviousSession } from "../session-ids";
import { sessionize } from "../sessionize";
import { summariseSession, type SessionRecord } from "../summarise";
import type { PreviousRow } from "./refold-scope";
import type { Dirty } from "./touched";

export interface SessionizeInput {
  dirty: ReadonlyMap<PersonKey, Dirty>;
  previous: readonly PreviousRow[];
  positions: ReadonlyMap<string, number[]>;
  personEvents: ReadonlyMap<PersonKey, JourneyEvent[]>;
  /** session ids held by sessions that are not folded again (another person's, or outside the window) */
  heldElsewhere: Set<string>;
  timeoutMs: number;
  now: number;
  catalog: JourneyCatalog;
}

/**
 * Phases "sessionize" and "fold": each touched person's events cut into sessions, the sessions
 * given the ids they had (or new ones, never one held elsewhere), and each folded into the record
 * the read models store. Old ids that now name another session become aliases.
 */
export function sessionizePersons(input: SessionizeInput): { records: SessionRecord[]; aliases: { alias: string; target: string }[] } {
  const { dirty, previous: rows, positions, personEvents, heldElsewhere, timeoutMs, now, catalog } = input;
  const records: SessionRecord[] = [];
  const aliases: { alias: string; target: string }[] = [];
  for (const [person, d] of dirty) {
    const previous: PreviousSession[] = rows
      .filter((s) => s.person === person || d.merged.has(s.person))
      .map((s) => ({ id: s.id, startedAt: s.startedAt, positions: new Set(positions.get(s.id) ?? []) }));
    const drafts = sessionize(personEvents.get(person) ?? [], { timeoutMs, now, boundary: catalog.boundaryOf });
    const ids = assignSessionIds(previous, drafts, person, (id) => heldElsewhere.has(id));
    // Persons later in this page must not take these ids either.
    for (const id of ids.ids) heldElsewhere.add(id);
    for (const [i, draft] of drafts.entries()) records.push(summariseSession(draft, ids.ids[i]!, person, catalog));
    aliases.push(...ids.aliases);
  }
  return { records, aliases };
}
