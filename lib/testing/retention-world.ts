import type { Store } from "../db/prisma";
import { appendEvents } from "../eventstore/append";
import type { IncomingEvent } from "../ingest/cloud-event";
import { validateStructuredEvent } from "../ingest/normalise";

export const RETENTION_WORLD_START = new Date("2026-01-01T00:00:00Z");

/**
 * The reference world appended as it was delivered, in batches of one hour each recorded at
 * the hour's last delivery: recorded times spread over `days`, as a store that has been running
 * (a retention test needs old recorded times, and appendEvents takes the recorded time).
 */
export async function appendRetentionWorld(store: Store, delivered: readonly { event: unknown; deliveredAt: number; seq: number }[]): Promise<number> {
  // The world comes from the test (lib/simulate is for tests, scripts and benches only).
  const world = [...delivered].sort((a, b) => a.deliveredAt - b.deliveredAt || a.seq - b.seq);
  const hours = new Map<number, { events: IncomingEvent[]; at: number }>();
  world.forEach((w, i) => {
    const checked = validateStructuredEvent(w.event, i);
    if (!checked.ok) throw new Error(`world event ${i} does not validate`);
    const hour = Math.floor(w.deliveredAt / 3_600_000);
    const group = hours.get(hour) ?? { events: [], at: w.deliveredAt };
    group.events.push(checked.event);
    group.at = w.deliveredAt;
    hours.set(hour, group);
  });
  let appended = 0;
  for (const group of hours.values()) appended += (await appendEvents(store, group.events, new Date(group.at))).filter((r) => !r.duplicate).length;
  return appended;
}
