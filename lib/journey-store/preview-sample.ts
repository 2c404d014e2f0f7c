import type { Store } from "../db/prisma";
import { readJourneyEventsAt } from "../eventstore/journey-events";
import { compareJourneyEvents } from "../journeys/journey-event";
import { SNAPSHOT_EVERY } from "../sessions/session-block";
import type { SampleSession } from "./preview-fold";

/** How many recent sessions a preview looks through, and how many of each one's first events it folds. */
export const PREVIEW_SESSIONS = 200;
export const PREVIEW_EVENTS_PER_SESSION = 5 * SNAPSHOT_EVERY;

/**
 * The newest sessions of the live read models with their first events, in replay order: the
 * sample a draft definition is previewed on (a bounded read: at most 200 × 500 positions).
 */
export async function loadPreviewSample(store: Store, sessions = PREVIEW_SESSIONS): Promise<SampleSession[]> {
  const rows = await store.db.session.findMany({
    orderBy: [{ startedAt: "desc" }, { id: "asc" }],
    take: sessions,
    select: { id: true, startedAt: true, journey: true, lastStep: true, outcome: true, endReason: true },
  });
  if (rows.length === 0) return [];
  const blocks = await store.db.sessionBlock.findMany({
    where: { sessionId: { in: rows.map((r) => r.id) }, block: { lt: PREVIEW_EVENTS_PER_SESSION / SNAPSHOT_EVERY } },
    orderBy: [{ sessionId: "asc" }, { block: "asc" }],
    select: { sessionId: true, positions: true },
  });
  const positionsOf = new Map<string, number[]>();
  for (const b of blocks) positionsOf.set(b.sessionId, [...(positionsOf.get(b.sessionId) ?? []), ...(b.positions as number[])]);
  const events = await readJourneyEventsAt(store, [...positionsOf.values()].flat());
  const byPosition = new Map(events.map((e) => [e.position, e]));
  return rows.map((r) => ({
    id: r.id,
    startedAt: r.startedAt,
    journey: r.journey,
    lastStep: r.lastStep,
    outcome: r.outcome,
    open: r.endReason === "open",
    events: (positionsOf.get(r.id) ?? [])
      .map((p) => byPosition.get(p))
      .filter((e) => e !== undefined)
      .sort(compareJourneyEvents),
  }));
}
