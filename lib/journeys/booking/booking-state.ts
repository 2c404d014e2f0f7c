/** The holiday-booking journey's state at one moment of a session (JSON, so it can be a snapshot). */
export type BookingStep =
  | "arrived"
  | "signed_in"
  | "searched"
  | "viewed_offer"
  | "booking_started"
  | "travellers_added"
  | "extras_added"
  | "priced"
  | "payment_failed"
  | "paid"
  | "confirmed"
  | "hold_expired"
  | "cancelled"
  | "refund_requested"
  | "refunded"
  | "signed_out";

export interface SearchCriteria {
  destination: string;
  /** the destination's code, when the search gave one (offers name their destination by code) */
  code?: string;
  checkIn: string;
  checkOut: string;
  adults: number;
  children: number;
}

export interface OfferSeen {
  offerId: string;
  destination: string;
  hotel: string;
  package: string;
  pricePerPerson: number;
}

export interface BookingDraft {
  bookingId: string;
  offerId: string;
  destination: string;
  hotel: string;
  package: string;
  checkIn: string;
  checkOut: string;
  adults: number;
  children: number;
  travellers: number;
  travellersAdded: boolean;
  extras: string[];
  pricePerPerson: number;
  /** the price when the offer was first viewed, when pricing found it higher or lower */
  previousPricePerPerson: number | null;
  total: number | null;
  currency: string;
  holdExpiresAt: string | null;
  status: "started" | "priced" | "payment_failed" | "paid" | "confirmed" | "hold_expired" | "cancelled" | "refund_requested" | "refunded";
  paymentAttempts: number;
  lastPaymentFailure: string | null;
  reference: string | null;
}

export interface BookingState {
  step: BookingStep;
  signedIn: boolean;
  userId: string | null;
  platform: string | null;
  device: string | null;
  country: string | null;
  search: SearchCriteria | null;
  lastOffer: OfferSeen | null;
  /** destination codes → the names the events gave them ("MLA" → "Malta"); see booking-place.ts */
  places: Record<string, string>;
  offersViewed: number;
  savedOffers: string[];
  booking: BookingDraft | null;
  /** every booking this session confirmed */
  confirmed: string[];
  /** steps of the funnel reached in this session */
  reached: string[];
  endedBy: "signed_out" | "expired" | null;
  lastEventType: string | null;
  lastEventAt: number | null;
}

export function initialBookingState(): BookingState {
  return {
    step: "arrived",
    signedIn: false,
    userId: null,
    platform: null,
    device: null,
    country: null,
    search: null,
    lastOffer: null,
    places: {},
    offersViewed: 0,
    savedOffers: [],
    booking: null,
    confirmed: [],
    reached: [],
    endedBy: null,
    lastEventType: null,
    lastEventAt: null,
  };
}
