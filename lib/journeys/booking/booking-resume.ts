import { money } from "./booking-describe";
import type { BookingState } from "./booking-state";
import { currentDestination } from "./booking-place";
import { holdRanOut, remainingSteps } from "./booking-remaining";

/**
 * Where an end user picks up their booking: what they had chosen, the step they stopped at, what
 * remains, and what no longer holds — judged from the session's state and from the events that
 * came after it (the offer repriced, the booking confirmed or cancelled in another visit, the
 * hold's time run out). Pure: the caller reads those later events.
 */
export interface ResumeChoice {
  destination: string;
  offerId: string | null;
  hotel: string | null;
  package: string | null;
  checkIn: string | null;
  checkOut: string | null;
  adults: number;
  children: number;
  extras: string[];
  pricePerPerson: number | null;
  total: number | null;
  currency: string;
  bookingId: string | null;
}

export type NoLongerHolds =
  | { code: "hold_expired"; message: string; blocking: false }
  | { code: "dates_passed"; message: string; blocking: true }
  | { code: "booked_since"; message: string; blocking: true }
  | { code: "price_changed"; message: string; blocking: false; pricePerPerson: number }
  | { code: "payment_taken"; message: string; blocking: true }
  | { code: "booking_confirmed"; message: string; blocking: true }
  | { code: "booking_cancelled"; message: string; blocking: true };

export interface BookingResume {
  /** false when something that no longer holds means there is nothing to continue */
  canContinue: boolean;
  step: string;
  stepLabel: string;
  chosen: ResumeChoice;
  remaining: string[];
  noLongerHolds: NoLongerHolds[];
}

/** What happened after the session, on the streams of its offer and its booking. */
export interface LaterEvents {
  /** repricings of the chosen offer after the session, oldest first */
  repricings: { offerId: string; newPrice: number; at: number }[];
  /** the booking's fate outside the session (its flow: however late it was delivered) */
  bookingOutcome: { type: "confirmed" | "cancelled"; at: number; reference: string | null } | null;
  /** a payment for the booking went through outside the session */
  paymentTaken?: boolean;
  /** the user's bookings confirmed after the session, with what they were for */
  laterBookings?: { bookingId: string; offerId: string; destination: string; checkIn: string; checkOut: string }[];
}

const OPEN = new Set(["started", "priced", "payment_failed", "hold_expired", "paid"]);

const STEP_LABEL: Record<string, string> = {
  searched: "Chose where and when",
  viewed_offer: "Looked at offers",
  started: "Started the booking",
  travellers_added: "Added the travellers",
  priced: "Got a price, not yet paid",
  payment_failed: "The payment did not go through",
  hold_expired: "The price was held, then the hold ran out",
  paid: "Paid, waiting for the confirmation",
};

export function bookingResume(state: BookingState, later: LaterEvents, now: number): BookingResume | null {
  // A booking that ended (confirmed, cancelled, refunded) leaves nothing to resume of it; a new
  // search or offer looked at after it is a new trip.
  const closed = state.booking !== null && !OPEN.has(state.booking.status);
  if (closed && state.step !== "searched" && state.step !== "viewed_offer") return null;
  const b = closed ? null : state.booking;
  if (!b && !state.search) return null;
  // The last offer looked at counts only if it is for the trip searched last.
  const lastOffer = state.lastOffer && (!state.search?.code || state.lastOffer.destination === state.search.code) ? state.lastOffer : null;
  const noLongerHolds: NoLongerHolds[] = [];
  const offerId = b ? b.offerId : (lastOffer?.offerId ?? null);
  const price = b ? b.pricePerPerson : (lastOffer?.pricePerPerson ?? null);
  const currency = b?.currency ?? "EUR";

  if (b) {
    if (later.bookingOutcome?.type === "confirmed") {
      const reference = later.bookingOutcome.reference ? ` (reference ${later.bookingOutcome.reference})` : "";
      noLongerHolds.push({ code: "booking_confirmed", blocking: true, message: `This booking was confirmed since${reference}: there is nothing left to do.` });
    } else if (later.bookingOutcome?.type === "cancelled") {
      noLongerHolds.push({ code: "booking_cancelled", blocking: true, message: "This booking was cancelled since: start a new one to travel." });
    } else if (b.status === "paid" || later.paymentTaken) {
      noLongerHolds.push({ code: "payment_taken", blocking: true, message: "The payment went through; the booking is waiting for its confirmation." });
    }
    if (holdRanOut(b, now) && !noLongerHolds.some((n) => n.blocking)) {
      noLongerHolds.push({
        code: "hold_expired",
        blocking: false,
        message: "The price was held for a limited time and the hold has run out: it will be priced again.",
      });
    }
  }
  const checkIn = b ? b.checkIn : (state.search?.checkIn ?? null);
  const checkOut = b ? b.checkOut : (state.search?.checkOut ?? null);
  // Later bookings name their destination by code, as the booking and the search do.
  const destinationCode = b ? b.destination : (state.search?.code ?? null);
  const sameTrip = (later.laterBookings ?? []).find(
    (l) => (offerId !== null && l.offerId === offerId) || (l.destination === destinationCode && l.checkIn === checkIn && l.checkOut === checkOut),
  );
  if (sameTrip && !noLongerHolds.some((n) => n.blocking)) {
    noLongerHolds.push({
      code: "booked_since",
      blocking: true,
      message: `This trip was booked since (booking ${sameTrip.bookingId}): there is nothing left to do.`,
    });
  }
  if (checkIn && checkIn <= new Date(now).toISOString().slice(0, 10) && !noLongerHolds.some((n) => n.blocking)) {
    noLongerHolds.push({ code: "dates_passed", blocking: true, message: "The travel dates have passed: choose new dates to book again." });
  }
  // While a hold runs, the held price stands whatever the offer costs now.
  const holdRunning = b?.holdExpiresAt != null && Date.parse(b.holdExpiresAt) > now && (b.status === "priced" || b.status === "payment_failed");
  const latest = offerId ? later.repricings.filter((r) => r.offerId === offerId).at(-1) : undefined;
  if (latest && price !== null && latest.newPrice !== price && !holdRunning && !noLongerHolds.some((n) => n.blocking)) {
    noLongerHolds.push({
      code: "price_changed",
      blocking: false,
      pricePerPerson: latest.newPrice,
      message: `The price per person changed from ${money(price, currency)} to ${money(latest.newPrice, currency)} since.`,
    });
  }

  // Named as a place ("Malta (MLA)"): the booked offer's destination once there is one, else the search's.
  const destinationName = currentDestination(state) ?? "";
  const chosen: ResumeChoice = b
    ? {
        destination: destinationName,
        offerId: b.offerId,
        hotel: b.hotel,
        package: b.package,
        checkIn: b.checkIn,
        checkOut: b.checkOut,
        adults: b.adults,
        children: b.children,
        extras: [...b.extras],
        pricePerPerson: b.pricePerPerson,
        total: b.total,
        currency,
        bookingId: b.bookingId,
      }
    : {
        destination: destinationName,
        offerId,
        hotel: lastOffer?.hotel ?? null,
        package: lastOffer?.package ?? null,
        checkIn: state.search!.checkIn,
        checkOut: state.search!.checkOut,
        adults: state.search!.adults,
        children: state.search!.children,
        extras: [],
        pricePerPerson: price,
        total: null,
        currency,
        bookingId: null,
      };

  const step = b ? (b.status === "started" && b.travellersAdded ? "travellers_added" : b.status) : lastOffer ? "viewed_offer" : "searched";
  // What remains follows from what no longer holds (booking-remaining.ts, as the left-off card says it).
  const remaining = b
    ? remainingSteps(
        b,
        noLongerHolds.some((n) => n.code === "hold_expired"),
        { amounts: false },
      )
    : [...(lastOffer ? [] : ["Choose an offer"]), "Start the booking", "Add the travellers", "Pay"];
  return {
    canContinue: !noLongerHolds.some((n) => n.blocking),
    step,
    stepLabel: STEP_LABEL[step] ?? step,
    chosen,
    remaining: noLongerHolds.some((n) => n.blocking) ? [] : remaining,
    noLongerHolds,
  };
}
