import { EXTRAS, OFFERS, DESTINATIONS, type Offer } from "./catalogue";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
import type { Random } from "./random";
import { DAY, MINUTE, type PriceBook, type SimUser } from "./world-types";

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

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * One visit of one user: anonymous browsing (web), sign-in, searches and offer views, and maybe a
 * booking that stops at any step (or completes), then sign-out, expiry or silence.
 */
export function simulateSession(ctx: SessionContext, start: number): SessionOutcome {
  const { rng, user } = ctx;
  const events: EmittedEvent[] = [];
  let t = start;
  const mobileApp = user.platform !== "web";
  const sessionId = mobileApp ? `ses-${rng.hex(12)}` : null;
  let signedIn = false;

  const emit = (
    service: keyof typeof SOURCES,
    type: string,
    subject: string,
    data: Record<string, unknown>,
    extra: Record<string, string> = {},
    who: "user" | "none" = "user",
  ): EmittedEvent => {
    const attributes: Record<string, string> = {};
    if (who === "user") {
      if (signedIn) attributes.userid = user.id;
      if (!mobileApp && (!signedIn || type === T.userSignedIn || type === T.userRegistered)) {
        attributes.anonymousid = user.anonymousId;
      }
      if (sessionId) attributes.sessionid = sessionId;
    }
    const event = { type, source: SOURCES[service], subject, time: t, attributes: { ...attributes, ...extra }, data, id: ctx.nextId() };
    events.push(event);
    return event;
  };
  const pause = (meanMinutes: number) => {
    t += Math.max(2_000, Math.round(rng.exponential(meanMinutes * MINUTE)));
  };

  const search = () => {
    const destination = rng.weighted(DESTINATIONS.map((d) => [d, d.popularity] as const));
    const checkIn = start + rng.int(14, 150) * DAY;
    const nights = rng.pick([3, 4, 5, 7, 7, 7, 10, 14]);
    const adults = rng.weighted([
      [1, 2],
      [2, 10],
      [3, 1],
      [4, 2],
    ] as const);
    const children =
      adults >= 2
        ? rng.weighted([
            [0, 6],
            [1, 2],
            [2, 2],
          ] as const)
        : 0;
    const criteria = { destination: destination.code, checkIn: isoDate(checkIn), checkOut: isoDate(checkIn + nights * DAY), nights, adults, children };
    emit("search", T.destinationsSearched, `search/${signedIn ? user.id : user.anonymousId}`, {
      query: destination.name,
      ...criteria,
      results: rng.int(12, 140),
    });
    pause(0.6);
    emit("search", T.destinationViewed, `destination/${destination.code}`, { destination: destination.code, name: destination.name });
    return { ...criteria, place: destination };
  };

  const viewOffer = (offer: Offer) => {
    const price = ctx.prices.priceAt(offer, t);
    emit("offers", T.offerViewed, `offer/${offer.id}`, {
      offerId: offer.id,
      destination: offer.destination.code,
      hotel: offer.hotel,
      package: offer.packageCode,
      stars: offer.stars,
      pricePerPerson: price,
      currency: "EUR",
    });
    if (!ctx.seenPrices.has(offer.id)) ctx.seenPrices.set(offer.id, price);
  };

  const viewOffers = (destinationCode: string) => {
    const offers = OFFERS.filter((o) => o.destination.code === destinationCode);
    const viewed: Offer[] = [];
    const count = rng.weighted([
      [1, 3],
      [2, 4],
      [3, 3],
      [4, 1],
    ] as const);
    for (let i = 0; i < count; i++) {
      // The low-appeal offer is the most visible (best placed): viewed a lot, rarely booked.
      const offer = rng.weighted(offers.map((o) => [o, o.appeal < 0.5 ? 3 : 1] as const));
      pause(1.2);
      viewOffer(offer);
      viewed.push(offer);
    }
    return viewed;
  };

  // Anonymous browsing before sign-in (web only).
  if (!mobileApp && rng.chance(0.55)) {
    const criteria = search();
    viewOffers(criteria.place.code);
    pause(2);
  }
  if (ctx.firstSession) {
    signedIn = true;
    emit("identity", T.userRegistered, `user/${user.id}`, { name: user.name, email: user.email, phone: user.phone, country: user.country });
    pause(0.3);
  }
  signedIn = true;
  emit("identity", T.userSignedIn, `user/${user.id}`, {
    method: rng.weighted([
      ["password", 6],
      ["google", 3],
      ["apple", user.platform === "ios" ? 4 : 0.5],
    ] as const),
    platform: user.platform,
    device: user.device,
    country: user.country,
  });

  let confirmedBooking: SessionOutcome["confirmedBooking"] = null;
  const searches = rng.weighted([
    [1, 5],
    [2, 3],
    [3, 2],
  ] as const);
  let lastCriteria = search();
  let viewed = viewOffers(lastCriteria.place.code);
  for (let s = 1; s < searches; s++) {
    pause(2);
    lastCriteria = search();
    viewed = viewed.concat(viewOffers(lastCriteria.place.code));
  }
  if (viewed.length >= 2 && rng.chance(0.3)) {
    pause(1);
    emit("offers", T.offersCompared, `compare/${signedIn ? user.id : user.anonymousId}`, { offerIds: [...new Set(viewed.map((o) => o.id))].slice(0, 4) });
  }
  if (rng.chance(0.2)) {
    pause(0.5);
    const saved = viewed[viewed.length - 1]!;
    emit("offers", T.offerSaved, `offer/${saved.id}`, { offerId: saved.id });
  }

  // Returning visitors often go back to an offer they looked at before.
  const earlier = [...ctx.seenPrices.keys()].filter((id) => !viewed.some((o) => o.id === id));
  let chosen = viewed[viewed.length - 1]!;
  if (!ctx.firstSession && earlier.length > 0 && rng.chance(0.4)) {
    const again = rng.pick(earlier);
    const offer = OFFERS.find((o) => o.id === again)!;
    pause(1);
    viewOffer(offer);
    chosen = offer;
  }
  if (rng.chance(Math.min(0.9, 0.38 * chosen.appeal))) {
    confirmedBooking = simulateBooking(
      ctx,
      chosen,
      lastCriteria,
      () => t,
      (ms) => (t = ms),
      emit,
      pause,
    );
  }

  // How the visit ends: sign-out, an expiry the identity service notices, or silence.
  const ending = rng.weighted([
    ["signout", 40],
    ["expired", 25],
    ["silent", 35],
  ] as const);
  if (ending === "signout") {
    pause(0.5);
    emit("identity", T.userSignedOut, `user/${user.id}`, {});
  } else if (ending === "expired") {
    t += 30 * MINUTE;
    emit("identity", T.sessionExpired, `user/${user.id}`, { idleMinutes: 30 });
  }
  return { events, end: t, confirmedBooking };
}

type Emit = (
  service: keyof typeof SOURCES,
  type: string,
  subject: string,
  data: Record<string, unknown>,
  extra?: Record<string, string>,
  who?: "user" | "none",
) => EmittedEvent;

/** A booking flow with its own correlation id; it can stop after any step. */
function simulateBooking(
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
