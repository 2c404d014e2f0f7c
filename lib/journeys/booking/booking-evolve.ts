import { EVENT_TYPES as T } from "./booking-events";
import type { JourneyEvent } from "../journey-event";
import type { BookingDraft, BookingState, BookingStep } from "./booking-state";

type Data = Record<string, unknown>;
const str = (d: Data, k: string): string => (typeof d[k] === "string" ? (d[k] as string) : "");
const num = (d: Data, k: string): number => (typeof d[k] === "number" ? (d[k] as number) : 0);

function reach(state: BookingState, step: string): string[] {
  return state.reached.includes(step) ? state.reached : [...state.reached, step];
}

/** Applies a change to the booking only when the event is about the booking in progress. */
function withBooking(state: BookingState, data: Data, change: (b: BookingDraft) => Partial<BookingDraft>): BookingDraft | null {
  const b = state.booking;
  if (!b || (str(data, "bookingId") !== "" && str(data, "bookingId") !== b.bookingId)) return b;
  return { ...b, ...change(b) };
}

/** A booking this session did not start (a cancellation days later): known by its reference only. */
function bookingFromReference(state: BookingState, data: Data): BookingState["booking"] {
  const id = str(data, "bookingId");
  if (state.booking && state.booking.bookingId === id) return state.booking;
  return {
    bookingId: id,
    offerId: "",
    destination: "",
    hotel: "",
    package: "",
    checkIn: "",
    checkOut: "",
    adults: 0,
    children: 0,
    travellers: 0,
    travellersAdded: true,
    extras: [],
    pricePerPerson: 0,
    previousPricePerPerson: null,
    total: num(data, "amount") || null,
    currency: str(data, "currency") || "EUR",
    holdExpiresAt: null,
    status: "confirmed",
    paymentAttempts: 0,
    lastPaymentFailure: null,
    reference: str(data, "reference") || id,
  };
}

/** Remembers what a destination page calls its code (booking-place.ts names destinations with it). */
function learnPlace(state: BookingState, code: string, name: string): Record<string, string> {
  const places = state.places ?? {};
  if (!code || !name || places[code] === name) return places;
  return { ...places, [code]: name };
}

function moveTo(base: BookingState, step: BookingStep, patch: Partial<BookingState>): BookingState {
  return { ...base, step, ...patch };
}

/**
 * The holiday-booking fold: pure, time from the events, unknown types leave the state as it was
 * (they still show, as raw events, in the replay).
 */
export function evolveBooking(state: BookingState, event: JourneyEvent): BookingState {
  const d = (event.data && typeof event.data === "object" ? event.data : {}) as Data;
  const base = { ...state, lastEventType: event.type, lastEventAt: event.time };
  const at = (step: BookingStep, patch: Partial<BookingState> = {}): BookingState => moveTo(base, step, patch);

  switch (event.type) {
    case T.userRegistered:
      return { ...base, userId: event.userid ?? state.userId, country: str(d, "country") || state.country };
    case T.userSignedIn:
      return at("signed_in", {
        signedIn: true,
        userId: event.userid ?? state.userId,
        platform: str(d, "platform") || null,
        device: str(d, "device") || null,
        country: str(d, "country") || state.country,
      });
    // Ending a session does not move the journey: "where they left off" stays the last thing they did.
    case T.userSignedOut:
      return { ...base, signedIn: false, endedBy: "signed_out" };
    case T.sessionExpired:
      return { ...base, signedIn: false, endedBy: "expired" };
    case T.destinationsSearched:
      return at("searched", {
        search: {
          destination: str(d, "query") || str(d, "destination"),
          ...(str(d, "destination") ? { code: str(d, "destination") } : {}),
          checkIn: str(d, "checkIn"),
          checkOut: str(d, "checkOut"),
          adults: num(d, "adults"),
          children: num(d, "children"),
        },
        reached: reach(state, "search"),
      });
    case T.destinationViewed:
      return { ...base, places: learnPlace(state, str(d, "destination"), str(d, "name")) };
    case T.offerViewed:
      return at(state.booking && !["confirmed", "hold_expired"].includes(state.booking.status) ? state.step : "viewed_offer", {
        lastOffer: {
          offerId: str(d, "offerId"),
          destination: str(d, "destination"),
          hotel: str(d, "hotel"),
          package: str(d, "package"),
          pricePerPerson: num(d, "pricePerPerson"),
        },
        offersViewed: state.offersViewed + 1,
        reached: reach(state, "view_offer"),
      });
    case T.offersCompared:
      return { ...base };
    case T.offerSaved:
      return { ...base, savedOffers: [...new Set([...state.savedOffers, str(d, "offerId")])] };
    case T.bookingStarted: {
      const adults = num(d, "adults");
      const children = num(d, "children");
      return at("booking_started", {
        booking: {
          bookingId: str(d, "bookingId"),
          offerId: str(d, "offerId"),
          destination: str(d, "destination"),
          hotel: str(d, "hotel"),
          package: str(d, "package"),
          checkIn: str(d, "checkIn"),
          checkOut: str(d, "checkOut"),
          adults,
          children,
          travellers: adults + children,
          travellersAdded: false,
          extras: [],
          pricePerPerson: num(d, "pricePerPerson"),
          previousPricePerPerson: null,
          total: null,
          currency: str(d, "currency") || "EUR",
          holdExpiresAt: null,
          status: "started",
          paymentAttempts: 0,
          lastPaymentFailure: null,
          reference: null,
        },
        reached: reach(state, "start_booking"),
      });
    }
    case T.travellersAdded:
      return at("travellers_added", {
        booking: withBooking(state, d, () => ({ travellers: Array.isArray(d.travellers) ? d.travellers.length : 0, travellersAdded: true })),
        reached: reach(state, "travellers_extras"),
      });
    case T.extrasAdded:
      return at("extras_added", {
        booking: withBooking(state, d, () => ({
          extras: Array.isArray(d.extras) ? d.extras.map((x) => String((x as Data).name ?? (x as Data).code)) : [],
        })),
        reached: reach(state, "travellers_extras"),
      });
    case T.bookingPriced:
      return at("priced", {
        booking: withBooking(state, d, () => ({
          pricePerPerson: num(d, "pricePerPerson"),
          previousPricePerPerson: typeof d.previousPricePerPerson === "number" ? d.previousPricePerPerson : null,
          total: num(d, "total"),
          holdExpiresAt: str(d, "holdExpiresAt") || null,
          status: "priced",
        })),
        reached: reach(state, "priced"),
      });
    case T.holdExpired:
      return at("hold_expired", { booking: withBooking(state, d, () => ({ status: "hold_expired" })) });
    case T.paymentFailed:
      return at("payment_failed", {
        booking: withBooking(state, d, (b) => ({
          status: "payment_failed",
          paymentAttempts: Math.max(b.paymentAttempts + 1, num(d, "attempt")),
          lastPaymentFailure: str(d, "reason") || "payment failed",
        })),
        reached: reach(state, "payment"),
      });
    case T.paymentSucceeded:
      return at("paid", {
        booking: withBooking(state, d, (b) => ({
          status: "paid",
          paymentAttempts: Math.max(b.paymentAttempts + 1, num(d, "attempt")),
        })),
        reached: reach(state, "payment"),
      });
    case T.bookingConfirmed: {
      const booking = withBooking(state, d, () => ({ status: "confirmed", reference: str(d, "reference") || str(d, "bookingId") }));
      return at("confirmed", {
        booking,
        confirmed: [...new Set([...state.confirmed, str(d, "bookingId")])],
        reached: reach(state, "confirmed"),
      });
    }
    case T.bookingCancelled:
      return at("cancelled", { booking: { ...bookingFromReference(state, d)!, status: "cancelled" } });
    case T.refundRequested:
      return at("refund_requested", { booking: { ...bookingFromReference(state, d)!, status: "refund_requested" } });
    case T.refundIssued:
      return at("refunded", { booking: { ...bookingFromReference(state, d)!, status: "refunded" } });
    default:
      return base;
  }
}
