import { EXTRAS, type Offer } from "./catalogue";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";
import type { Emit, EmittedEvent, SessionContext, SessionOutcome } from "./session-types";

/** A booking flow with its own correlation id; it can stop after any step. */
export function simulateBooking(
  ctx: SessionContext,
  offer: Offer,
  criteria: { checkIn: string; checkOut: string; adults: number; children: number; nights: number },
  now: () => number,
  setNow: (ms: number) => void,
  emit: Emit,
  pause: (meanMinutes: number) => void,
): SessionOutcome["confirmedBooking"] {
  const { rng, user } = ctx;
  const bookingId = ctx.nextBookingId();
  const flow = { correlationid: bookingId };
  const subject = `booking/${bookingId}`;
  const caused = (e: EmittedEvent) => ({ ...flow, causationid: e.id });
  const travellers = criteria.adults + criteria.children;

  pause(1.5);
  const viewedPrice = ctx.seenPrices.get(offer.id) ?? ctx.prices.priceAt(offer, now());
  let last = emit(
    "booking",
    T.bookingStarted,
    subject,
    {
      bookingId,
      offerId: offer.id,
      destination: offer.destination.code,
      hotel: offer.hotel,
      package: offer.packageCode,
      checkIn: criteria.checkIn,
      checkOut: criteria.checkOut,
      adults: criteria.adults,
      children: criteria.children,
      pricePerPerson: ctx.prices.priceAt(offer, now()),
      currency: "EUR",
    },
    flow,
  );
  if (rng.chance(0.14)) return null;

  pause(3);
  const names = Array.from({ length: travellers }, (_, i) =>
    i === 0 ? user.name : `${rng.pick(["Alex", "Sam", "Robin", "Kim", "Jo", "Charlie", "Max", "Lou"])} ${user.name.split(" ")[1]}`,
  );
  last = emit(
    "booking",
    T.travellersAdded,
    subject,
    {
      bookingId,
      travellers: names.map((name, i) => ({
        name,
        dateOfBirth:
          i < criteria.adults ? `19${rng.int(60, 99)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}` : `20${rng.int(12, 21)}-0${rng.int(1, 9)}-2${rng.int(0, 8)}`,
      })),
      contact: { email: user.email, phone: user.phone },
    },
    caused(last),
  );
  if (rng.chance(0.1)) return null;

  let extrasTotal = 0;
  if (rng.chance(0.6)) {
    pause(1.5);
    const extras = EXTRAS.filter(() => rng.chance(0.35));
    const picked = extras.length > 0 ? extras : [EXTRAS[0]!];
    extrasTotal = picked.reduce((sum, x) => sum + x.price, 0);
    last = emit("booking", T.extrasAdded, subject, { bookingId, extras: picked.map((x) => ({ ...x })) }, caused(last));
  }

  pause(0.5);
  const price = ctx.prices.priceAt(offer, now());
  const total = price * travellers + extrasTotal;
  const holdMinutes = 20;
  const priced = emit(
    "booking",
    T.bookingPriced,
    subject,
    {
      bookingId,
      offerId: offer.id,
      pricePerPerson: price,
      ...(price !== viewedPrice ? { previousPricePerPerson: viewedPrice } : {}),
      total,
      currency: "EUR",
      holdExpiresAt: new Date(now() + holdMinutes * 60_000).toISOString(),
    },
    caused(last),
  );
  last = priced;
  // A price that rose since the offer was viewed puts people off.
  if (rng.chance(price > viewedPrice ? 0.45 : 0.12)) return null;

  // Some people wander off and come back after the hold has lapsed.
  if (rng.chance(0.07)) {
    setNow(now() + holdMinutes * 60_000 + 1_000);
    emit("booking", T.holdExpired, subject, { bookingId, offerId: offer.id }, caused(priced));
    return null;
  }

  const paymentId = `PAY-${bookingId.slice(3)}`;
  for (let attempt = 1; attempt <= 3; attempt++) {
    pause(2);
    // Payment callbacks come from the payment service itself: no user id, only the flow.
    if (rng.chance(0.22)) {
      last = emit(
        "payment",
        T.paymentFailed,
        `payment/${paymentId}`,
        {
          bookingId,
          paymentId,
          amount: total,
          currency: "EUR",
          attempt,
          reason: rng.weighted([
            ["card_declined", 5],
            ["insufficient_funds", 2],
            ["authentication_failed", 2],
          ] as const),
          cardLast4: user.cardLast4,
        },
        caused(last),
        "none",
      );
      if (attempt === 3 || rng.chance(0.35)) return null;
      continue;
    }
    const paid = emit(
      "payment",
      T.paymentSucceeded,
      `payment/${paymentId}`,
      {
        bookingId,
        paymentId,
        amount: total,
        currency: "EUR",
        attempt,
        cardLast4: user.cardLast4,
      },
      caused(last),
      "none",
    );
    setNow(now() + 1_500);
    emit("booking", T.bookingConfirmed, subject, { bookingId, reference: bookingId, total, currency: "EUR" }, caused(paid));
    return { bookingId, total, time: now() };
  }
  return null;
}
