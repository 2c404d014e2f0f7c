/**
 * The booking journey's event vocabulary: the reference world's event types and the services
 * (CloudEvents sources) that emit them. docs/events.md describes each one and its fields.
 * The journey owns these names; replay, analytics, resume links and the simulator (lib/simulate,
 * which produces the reference world) import them from here, never the other way.
 */
export const SOURCES = {
  identity: "/holidays/identity",
  search: "/holidays/search",
  offers: "/holidays/offers",
  booking: "/holidays/booking",
  payment: "/holidays/payment",
} as const;

export type Service = keyof typeof SOURCES;

export const EVENT_TYPES = {
  userRegistered: "identity.user.registered",
  userSignedIn: "identity.user.signed_in",
  userSignedOut: "identity.user.signed_out",
  sessionExpired: "identity.session.expired",
  destinationsSearched: "search.destinations.searched",
  destinationViewed: "search.destination.viewed",
  offerViewed: "offers.offer.viewed",
  offersCompared: "offers.offers.compared",
  offerSaved: "offers.offer.saved",
  offerRepriced: "offers.offer.repriced",
  bookingStarted: "booking.booking.started",
  travellersAdded: "booking.travellers.added",
  extrasAdded: "booking.extras.added",
  bookingPriced: "booking.booking.priced",
  holdExpired: "booking.hold.expired",
  paymentFailed: "payment.payment.failed",
  paymentSucceeded: "payment.payment.succeeded",
  bookingConfirmed: "booking.booking.confirmed",
  bookingCancelled: "booking.booking.cancelled",
  refundRequested: "booking.refund.requested",
  refundIssued: "payment.refund.issued",
} as const;

export type EventType = (typeof EVENT_TYPES)[keyof typeof EVENT_TYPES];

/** Which service emits each type (the first segment of the type names it). */
export function serviceOf(type: string): Service | null {
  const head = type.split(".")[0];
  return head && head in SOURCES ? (head as Service) : null;
}
