import type { Offer } from "./catalogue";

/** A simulated CloudEvent in wire form, with when the producer delivered it. */
export interface SimulatedEvent {
  event: Record<string, unknown> & { id: string; source: string; type: string; time: string };
  /** ms since epoch at which it reaches the store (late deliveries come after later events) */
  deliveredAt: number;
  /** generation order, to keep ties stable */
  seq: number;
}

export interface SimUser {
  index: number;
  id: string;
  name: string;
  email: string;
  phone: string;
  country: string;
  platform: string;
  device: string;
  anonymousId: string;
  cardLast4: string;
}

/** Price of each offer over time: repricings are world events every session sees. */
export interface PriceBook {
  priceAt(offer: Offer, time: number): number;
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
