import type { Store } from "../db/prisma";
import { toJourneyEvent } from "../eventstore/journey-events";
import { readEventsAt } from "../eventstore/read";
import { foldEvents } from "../journeys/journey-definition";
import { journeyByName } from "../journeys/registry";
import { readSessionPositions, readSnapshots, type Session } from "./read-sessions";

/**
 * The journey state after the first `seq` events of a session: the nearest snapshot at or before
 * `seq`, then at most SNAPSHOT_EVERY events folded with the same journey code. Its cost does not
 * grow with the session's length.
 */
export async function stateAt(store: Store, session: Pick<Session, "id" | "journey">, seq: number): Promise<{ state: unknown; folded: number }> {
  const definition = journeyByName(session.journey);
  const [snapshot] = await readSnapshots(store, session.id, seq, seq);
  const from = snapshot && snapshot.seq <= seq ? snapshot.seq : 0;
  const members = await readSessionPositions(store, session.id, from, seq - from);
  const events = (
    await readEventsAt(
      store,
      members.map((m) => m.position),
    )
  ).map(toJourneyEvent);
  const start = snapshot && snapshot.seq <= seq ? snapshot.state : definition.initialState();
  return { state: foldEvents(definition, events, start), folded: events.length };
}
