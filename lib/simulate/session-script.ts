import { OFFERS, DESTINATIONS, type Offer } from "./catalogue";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
import { simulateBooking } from "./booking-script";
import type { EmittedEvent, SessionContext, SessionOutcome } from "./session-types";
import { DAY, MINUTE } from "./world-types";

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
