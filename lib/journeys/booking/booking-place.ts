import type { BookingState } from "./booking-state";

/**
 * A destination as people read it: "Malta (MLA)". Names come from the events themselves
 * (search.destination.viewed carries {destination, name}; a search names the code it found with
 * the words typed), never from a catalogue, so any world's codes are named as its events name them.
 * A code the events never named stays a code.
 */
export function placeName(state: BookingState, code: string): string {
  if (!code) return "";
  // Snapshots folded before places were learned have no map.
  const name = state.places?.[code] ?? (state.search?.code === code ? state.search.destination : "");
  return name && name !== code ? `${name} (${code})` : code;
}

const OPEN = new Set(["started", "priced", "payment_failed", "hold_expired", "paid"]);

/**
 * The one destination of a session: the offer being booked once there is one (a booking known only
 * by its reference has none), else the last search's. A search or an offer looked at after a booking
 * ended is a new trip: its destination is the search's.
 */
export function currentDestination(state: BookingState): string | null {
  const b = state.booking;
  const newTrip = b !== null && !OPEN.has(b.status) && (state.step === "searched" || state.step === "viewed_offer");
  if (b?.destination && !newTrip) return placeName(state, b.destination);
  if (!state.search) return null;
  return state.search.code ? placeName(state, state.search.code) : state.search.destination;
}
