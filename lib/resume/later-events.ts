import type { Store } from "../db/prisma";
import { readTrustedBackward } from "./read-trusted";
import { bookingJourney } from "../journeys/booking/booking-journey";
import type { BookingState } from "../journeys/booking/booking-state";
import type { LaterEvents } from "../journeys/booking/booking-resume";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";

type Data = Record<string, unknown>;
const data = (e: { dataJson: unknown }) => (e.dataJson ?? {}) as Data;

/**
 * What the events say happened, outside the session, to what it chose. Indexed reads only:
 * - the booking's flow (by correlation id: booking, payment and refund events, wherever and
 *   however late they were delivered): a payment taken, a confirmation, a cancellation;
 * - the user's own confirmations after the session: the same trip booked again under a new id;
 * - the offer's repricings, newest by event time.
 * A payment, confirmation, cancellation or repricing counts only from a source the booking journey trusts
 * for it (lib/journeys/booking/booking-trust.ts): any producer can name any type, so each read pages
 * on until it has its 200 trusted events (or the feed ends), never 200 of anyone's.
 */
export async function readLaterEvents(
  store: Store,
  state: BookingState,
  session: { userId: string | null; lastEventAt: Date },
  trusts: (event: { type: string; source: string }) => boolean = bookingJourney.trusts!,
): Promise<LaterEvents> {
  const offerId = state.booking?.offerId ?? state.lastOffer?.offerId ?? null;
  const bookingId = state.booking?.bookingId ?? null;
  // Only the types read below: a flood of other types under the same correlation id costs nothing.
  const flowTypes = [T.paymentSucceeded, T.bookingConfirmed, T.bookingCancelled];
  const [repriced, flow, confirmations] = await Promise.all([
    offerId ? readTrustedBackward(store, { stream: `offer/${offerId}`, type: T.offerRepriced }, trusts) : Promise.resolve([]),
    bookingId ? readTrustedBackward(store, { correlationid: bookingId, type: flowTypes }, trusts) : Promise.resolve([]),
    session.userId ? readTrustedBackward(store, { userid: session.userId, type: T.bookingConfirmed, from: session.lastEventAt }, trusts) : Promise.resolve([]),
  ]);
  // Each later confirmation's trip, from the start of its own flow.
  const laterIds = [...new Set(confirmations.map((e) => String(data(e).bookingId ?? e.correlationid ?? "")).filter((id) => id && id !== bookingId))];
  const starts = await Promise.all(
    laterIds.slice(0, 20).map(async (id) => (await readTrustedBackward(store, { correlationid: id, type: T.bookingStarted }, trusts, 1))[0]),
  );
  const byTime = <E extends { occurredAt: Date }>(list: E[]) => [...list].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const ofFlow = (type: string) => byTime(flow.filter((e) => e.type === type)).at(-1);
  const confirmed = ofFlow(T.bookingConfirmed);
  const cancelled = ofFlow(T.bookingCancelled);
  const outcome = cancelled ?? confirmed;
  return {
    repricings: byTime(repriced)
      .map((e) => ({ offerId: String(data(e).offerId ?? offerId), newPrice: Number(data(e).newPrice), at: e.occurredAt.getTime() }))
      .filter((r) => Number.isFinite(r.newPrice)),
    bookingOutcome: outcome
      ? {
          type: outcome === cancelled ? "cancelled" : "confirmed",
          at: outcome.occurredAt.getTime(),
          reference: typeof data(outcome).reference === "string" ? (data(outcome).reference as string) : null,
        }
      : null,
    paymentTaken: flow.some((e) => e.type === T.paymentSucceeded),
    laterBookings: starts.flatMap((start) => {
      if (!start) return [];
      const d = data(start);
      return [
        {
          bookingId: String(d.bookingId),
          offerId: String(d.offerId ?? ""),
          destination: String(d.destination ?? ""),
          checkIn: String(d.checkIn ?? ""),
          checkOut: String(d.checkOut ?? ""),
        },
      ];
    }),
  };
}
