import type { SOURCES } from "../journeys/booking/booking-events";
import type { Random } from "./random";
import type { PriceBook, SimUser } from "./world-types";

export interface EmittedEvent {
  type: string;
  source: string;
  subject: string;
  time: number;
  attributes: Record<string, string>;
  data: Record<string, unknown>;
  id: string;
}

export interface SessionContext {
  rng: Random;
  user: SimUser;
  prices: PriceBook;
  /** next event id for this user */
  nextId: () => string;
  /** next booking reference for this user (unique across the world) */
  nextBookingId: () => string;
  firstSession: boolean;
  /** the price this user first saw for each offer, across visits: a later rise is noticed */
  seenPrices: Map<string, number>;
}

export interface SessionOutcome {
  events: EmittedEvent[];
  end: number;
  confirmedBooking: { bookingId: string; total: number; time: number } | null;
}

/** How a visit's steps put an event on record (the service's source, the user's ids, the time). */
export type Emit = (
  service: keyof typeof SOURCES,
  type: string,
  subject: string,
  data: Record<string, unknown>,
  extra?: Record<string, string>,
  who?: "user" | "none",
) => EmittedEvent;
