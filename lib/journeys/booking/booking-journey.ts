import { EVENT_TYPES as T, serviceOf } from "./booking-events";
import type { JourneyDefinition, ResumePoint, SearchTerm, StateFacts } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";
import { dateRange, describeBookingEvent, describeBookingEvents, money, travellers } from "./booking-describe";
import { evolveBooking } from "./booking-evolve";
import { isTrusted, REFERENCE_BOOKING_TRUST, type BookingTrust } from "./booking-trust";
import { initialBookingState, type BookingState } from "./booking-state";
import { currentDestination } from "./booking-place";
import { holdRanOut, remainingSteps } from "./booking-remaining";
import { BOOKING_DIMENSIONS, BOOKING_DROP_REASONS, bookingDimensionValues, bookingDropReason } from "./booking-analytics";

const STEP_LABELS: Record<BookingState["step"], string> = {
  arrived: "Arrived",
  signed_in: "Signed in",
  searched: "Searched for a holiday",
  viewed_offer: "Looked at offers",
  booking_started: "Started a booking",
  travellers_added: "Added travellers",
  extras_added: "Added extras",
  priced: "Got a price, not yet paid",
  payment_failed: "Payment failed",
  paid: "Paid, awaiting confirmation",
  confirmed: "Booking confirmed",
  hold_expired: "The offer's hold expired",
  cancelled: "Cancelled a booking",
  refund_requested: "Asked for a refund",
  refunded: "Refund issued",
  signed_out: "Signed out",
};

const OPEN_STATUSES = new Set(["started", "priced", "payment_failed", "hold_expired", "paid"]);

/** The last offer looked at, if it is for the trip searched last (a new search leaves the old offer behind). */
function currentOffer(state: BookingState) {
  return state.lastOffer && (!state.search?.code || state.lastOffer.destination === state.search.code) ? state.lastOffer : null;
}

function resumePoint(state: BookingState): ResumePoint | null {
  const b = state.booking;
  if (b && OPEN_STATUSES.has(b.status)) {
    const chosen: Record<string, string> = {
      destination: currentDestination(state) ?? "",
      offer: `${b.hotel} (${b.package})`,
      dates: dateRange(b.checkIn, b.checkOut),
      travellers: travellers(b.adults, b.children),
      booking: b.bookingId,
    };
    if (b.extras.length > 0) chosen.extras = b.extras.join(", ");
    chosen.price = b.total !== null ? money(b.total, b.currency) : `${money(b.pricePerPerson, b.currency)} per person`;
    // As of the session's last event (the fold has no clock): a hold that ran out by then is a blocker.
    const ranOut = holdRanOut(b, state.lastEventAt);
    const remaining = remainingSteps(b, ranOut);
    const blockers: string[] = [];
    if (ranOut) blockers.push("The offer's hold expired before payment: it must be priced again");
    // A rise is what puts people off (a blocker); a drop is good news, said beside the price.
    if (b.previousPricePerPerson !== null && b.pricePerPerson > b.previousPricePerPerson) {
      blockers.push(`The price per person changed from ${money(b.previousPricePerPerson, b.currency)} to ${money(b.pricePerPerson, b.currency)}`);
    }
    if (b.previousPricePerPerson !== null && b.pricePerPerson < b.previousPricePerPerson) {
      chosen.price += ` (down from ${money(b.previousPricePerPerson, b.currency)} to ${money(b.pricePerPerson, b.currency)} per person)`;
    }
    if (b.status === "payment_failed" && b.lastPaymentFailure) {
      blockers.push(`Last payment attempt failed (${b.lastPaymentFailure.replaceAll("_", " ")})`);
    }
    return { step: b.status, label: STEP_LABELS[state.step], chosen, facts: chosen, remaining, blockers };
  }
  if (!b && state.search) {
    const chosen: Record<string, string> = {
      destination: currentDestination(state) ?? state.search.destination,
      dates: dateRange(state.search.checkIn, state.search.checkOut),
      travellers: travellers(state.search.adults, state.search.children),
    };
    const offer = currentOffer(state);
    if (offer) chosen.offer = `${offer.hotel} (${offer.package}), ${money(offer.pricePerPerson)} per person`;
    return { step: state.step, label: STEP_LABELS[state.step], chosen, facts: chosen, remaining: ["Choose an offer", "Book and pay"], blockers: [] };
  }
  return null;
}

function facts(state: BookingState): StateFacts {
  const f: StateFacts = { step: STEP_LABELS[state.step], "signed in": state.signedIn ? "yes" : "no" };
  if (state.platform) f.platform = `${state.platform} (${state.device ?? "?"})`;
  if (state.country) f.country = state.country;
  const destination = currentDestination(state);
  if (destination) f.destination = destination;
  if (state.search) {
    f.dates = dateRange(state.search.checkIn, state.search.checkOut);
    f.travellers = travellers(state.search.adults, state.search.children);
  }
  const offer = currentOffer(state);
  if (offer) f.offer = `${offer.hotel} (${offer.package}), ${money(offer.pricePerPerson)} pp`;
  f["offers viewed"] = String(state.offersViewed);
  const b = state.booking;
  if (b) {
    f.booking = `${b.bookingId} · ${b.status.replaceAll("_", " ")}`;
    if (b.hotel) f.offer = `${b.hotel} (${b.package})`;
    if (b.checkIn) f.dates = dateRange(b.checkIn, b.checkOut);
    if (b.travellers) f.travellers = travellers(b.adults, b.children);
    if (b.extras.length) f.extras = b.extras.join(", ");
    if (b.total !== null) f.price = money(b.total, b.currency);
    if (b.paymentAttempts > 0) {
      const lastFailed = b.lastPaymentFailure && b.status === "payment_failed" ? `, last failed: ${b.lastPaymentFailure.replaceAll("_", " ")}` : "";
      f.payment = `${b.paymentAttempts} attempt${b.paymentAttempts === 1 ? "" : "s"}${lastFailed}`;
    }
    if (b.reference && b.status !== "started") f.reference = b.reference;
  }
  return f;
}

/** Only these events carry what a support agent searches by. */
const SEARCHABLE = new Set<string>([T.userRegistered, T.travellersAdded, T.bookingStarted, T.bookingConfirmed]);

function searchTerms(event: JourneyEvent): SearchTerm[] {
  if (!SEARCHABLE.has(event.type)) return [];
  const d = (event.data && typeof event.data === "object" ? event.data : {}) as Record<string, unknown>;
  const terms = new Map<string, SearchTerm>();
  const add = (kind: SearchTerm["kind"]) => (v: unknown) => {
    const term = typeof v === "string" ? v.trim().toLowerCase().replace(/\s+/g, " ") : "";
    if (term !== "") terms.set(`${kind}:${term}`, { term, kind });
  };
  if (event.type === T.userRegistered) {
    add("name")(d.name);
    add("email")(d.email);
    add("phone")(d.phone);
  }
  if (event.type === T.travellersAdded) {
    const contact = (d.contact ?? {}) as Record<string, unknown>;
    add("email")(contact.email);
    if (Array.isArray(d.travellers)) for (const t of d.travellers) add("name")((t as Record<string, unknown>).name);
  }
  if (event.type.startsWith("booking.")) [d.bookingId, d.reference].forEach(add("booking"));
  return [...terms.values()];
}

/** The booking journey, believing each guarded type only from the sources `trust` names for it. */
export function createBookingJourney(trust: BookingTrust = REFERENCE_BOOKING_TRUST): JourneyDefinition<BookingState> {
  const trusts = (event: { type: string; source: string }) => isTrusted(trust, event);
  const describeTrusted = (event: JourneyEvent, offerNames?: ReadonlyMap<string, string>) =>
    trusts(event)
      ? describeBookingEvent(event, offerNames)
      : `Not believed: ${event.type} from ${event.source}, a source not trusted for it (it changes nothing)`;
  return {
    name: "holiday-booking",
    label: "Holiday bookings",
    priority: 0,
    claims: (event) => serviceOf(event.type) !== null,
    initialState: initialBookingState,
    evolve: (state, event) => (trusts(event) ? evolveBooking(state, event) : state),
    describe: (event) => describeTrusted(event),
    // An untrusted event names nothing for the ones after it either.
    describeInOrder: (events, names) => describeBookingEvents(events, describeTrusted, trusts, names),
    trusts,
    funnel: [
      { key: "search", label: "Searched" },
      { key: "view_offer", label: "Viewed an offer" },
      { key: "start_booking", label: "Started booking" },
      { key: "travellers_extras", label: "Travellers and extras" },
      { key: "priced", label: "Priced" },
      { key: "payment", label: "Payment" },
      { key: "confirmed", label: "Confirmed" },
    ],
    funnelReached: (state) => state.reached,
    outcome: (state, open) => {
      if (open) return "live";
      if (state.confirmed.length > 0) return "completed";
      return state.reached.includes("start_booking") ? "abandoned" : "browsed";
    },
    outcomeLabel: (state, outcome) =>
      outcome === "completed" ? "booked" : outcome === "browsed" && state?.step === "cancelled" ? "cancelled a booking" : outcome,
    dimensions: BOOKING_DIMENSIONS,
    dimensionValues: bookingDimensionValues,
    dropReasons: BOOKING_DROP_REASONS,
    dropReason: bookingDropReason,
    lastStep: (state) => STEP_LABELS[state.step],
    resumePoint,
    // The resume point names the booking while it can still be continued (see resumePoint).
    leavesOpenBooking: (point) => point.chosen?.booking !== undefined,
    facts,
    searchTerms: (event) => (trusts(event) ? searchTerms(event) : []),
    personName: (event) =>
      trusts(event) && event.type === T.userRegistered && typeof (event.data as Record<string, unknown> | null)?.name === "string"
        ? ((event.data as Record<string, unknown>).name as string)
        : null,
    boundary: (type) => (type === T.userSignedIn ? "sign_in" : type === T.userSignedOut ? "sign_out" : type === T.sessionExpired ? "expired" : null),
  };
}

export const bookingJourney = createBookingJourney();
