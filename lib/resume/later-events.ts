import type { Store } from "../db/prisma";
import { readFeedBackward } from "../eventstore/read";
import type { BookingState } from "../journeys/booking/booking-state";
import type { LaterEvents } from "../journeys/booking/booking-resume";
import { EVENT_TYPES as T } from "../simulate/event-types";

/**
 * What happened after a session to what it chose: repricings of its offer (the offer's stream)
 * and the booking's confirmation or cancellation in a later visit (the booking's stream). Two
 * indexed reads, whatever the size of the store.
 */
export async function readLaterEvents(store: Store, state: BookingState, sessionEnd: { time: Date; position: number }): Promise<LaterEvents> {
  const offerId = state.booking?.offerId ?? state.lastOffer?.offerId ?? null;
  const bookingId = state.booking?.bookingId ?? null;
  const [repriced, outcomes] = await Promise.all([
    offerId
      ? readFeedBackward(store, { limit: 100, filter: { stream: `offer/${offerId}`, type: T.offerRepriced, from: sessionEnd.time } })
      : Promise.resolve([]),
    bookingId ? readFeedBackward(store, { limit: 100, filter: { stream: `booking/${bookingId}` } }) : Promise.resolve([]),
  ]);
  const outcome = outcomes.find(
    (e) => Number(e.position) > sessionEnd.position && (e.type === T.bookingConfirmed || e.type === T.bookingCancelled),
  );
  const data = (e: { dataJson: unknown }) => (e.dataJson ?? {}) as Record<string, unknown>;
  return {
    repricings: repriced
      .map((e) => ({ offerId: String(data(e).offerId ?? offerId), newPrice: Number(data(e).newPrice), at: e.occurredAt.getTime() }))
      .filter((r) => Number.isFinite(r.newPrice))
      .reverse(),
    bookingOutcome: outcome
      ? { type: outcome.type === T.bookingConfirmed ? "confirmed" : "cancelled", at: outcome.occurredAt.getTime(), reference: typeof data(outcome).reference === "string" ? (data(outcome).reference as string) : null }
      : null,
  };
}
