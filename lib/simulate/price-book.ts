import { OFFERS, type Offer } from "./catalogue";
import { EVENT_TYPES, SOURCES } from "../journeys/booking/booking-events";
import type { Random } from "./random";
import type { EmittedEvent } from "./session-types";
import type { PriceBook } from "./world-types";

/**
 * Offers are repriced a few times over the window (the offers service's own events, with no
 * user). Every session reads prices through the book, so a user who viewed an offer before a
 * price rise is priced higher at checkout, as in reality.
 */
export function createPriceBook(rng: Random, start: number, end: number, nextId: () => string) {
  const changes = new Map<string, { time: number; price: number }[]>();
  const events: EmittedEvent[] = [];
  for (const offer of OFFERS) {
    let price = offer.price;
    const times = Array.from({ length: rng.int(1, 4) }, () => start + rng.next() * (end - start)).sort((a, b) => a - b);
    const list: { time: number; price: number }[] = [];
    for (const time of times) {
      const factor = rng.chance(0.65) ? 1 + rng.int(5, 15) / 100 : 1 - rng.int(5, 12) / 100;
      const next = Math.round((price * factor) / 5) * 5;
      events.push({
        type: EVENT_TYPES.offerRepriced,
        source: SOURCES.offers,
        subject: `offer/${offer.id}`,
        time: Math.round(time),
        attributes: {},
        data: { offerId: offer.id, oldPrice: price, newPrice: next, currency: "EUR" },
        id: nextId(),
      });
      list.push({ time, price: next });
      price = next;
    }
    changes.set(offer.id, list);
  }
  const book: PriceBook = {
    priceAt(offer: Offer, time: number) {
      let price = offer.price;
      for (const change of changes.get(offer.id) ?? []) if (change.time <= time) price = change.price;
      return price;
    },
  };
  return { book, events };
}
