import type { Store } from "../lib/db/prisma";
import { appendEvents } from "../lib/eventstore/append";
import { anEvent } from "../lib/testing/event-factory";

/** Appends one generated session of `events` events (a producer session id, one event a second). */
export async function appendLongSession(store: Store, name: string, events: number, start: Date): Promise<string> {
  for (let i = 0; i < events; i += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, events - i) }, (_, k) =>
      anEvent({
        id: `${name}-${i + k}`,
        source: "/bench/long",
        subject: `long/${name}`,
        type: (i + k) % 3 === 0 ? "search.destinations.searched" : "offers.offer.viewed",
        userid: `u-${name}`,
        sessionid: `ses-${name}`,
        time: new Date(start.getTime() + (i + k) * 1_000),
        data: {
          kind: "json",
          value: { query: `Lisbon ${(i + k) % 97}`, destination: "LIS", offerId: `OF-${k % 7}`, hotel: `Vista ${k % 13}`, pricePerPerson: k % 900 },
        },
      }),
    );
    await appendEvents(store, batch);
  }
  return `ses-${name}`;
}
