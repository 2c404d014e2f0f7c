import type { DimensionValue, EndReasonKey, Labelled, SessionOutcome } from "../journey-definition";
import type { BookingState } from "./booking-state";
import { placeName } from "./booking-place";

/** What the booking journey's analytics break sessions down by. */
export const BOOKING_DIMENSIONS: readonly Labelled[] = [
  { key: "platform", label: "Platform" },
  { key: "device", label: "Device" },
  { key: "country", label: "Country" },
  { key: "destination", label: "Destination" },
];

/** Why a booking stopped, beyond the end reasons every journey has. */
export const BOOKING_DROP_REASONS: readonly Labelled[] = [
  { key: "payment_declined", label: "Payment declined" },
  { key: "offer_expired", label: "Offer expired" },
  { key: "price_rose", label: "Price rose" },
];

const one = (value: string | null | undefined, label: string | null = null): DimensionValue[] => (value ? [{ value, label }] : []);

/** The platforms' names as people write them: the events say "ios", "android", "web". */
const PLATFORM_NAMES: Readonly<Record<string, string>> = { ios: "iOS", android: "Android", web: "Web" };

/** A session's platform, device, country and destination, from its final state. */
export function bookingDimensionValues(state: BookingState): Record<string, DimensionValue[]> {
  return {
    platform: one(state.platform, state.platform ? (PLATFORM_NAMES[state.platform] ?? null) : null),
    device: one(state.device),
    country: one(state.country),
    // Codes as values (a search's free text is what a person typed, not a dimension), named as places.
    destination: destinationValue(state),
  };
}

function destinationValue(state: BookingState): DimensionValue[] {
  const code = state.booking?.destination || state.lastOffer?.destination || state.search?.code;
  if (!code) return [];
  const label = placeName(state, code);
  return one(code, label === code ? null : label);
}

export function bookingDropReason(state: BookingState, outcome: SessionOutcome, endReason: EndReasonKey | "open"): string | null {
  if (outcome === "completed" || outcome === "live") return null;
  const b = state.booking;
  if (b?.status === "payment_failed") return "payment_declined";
  if (b?.status === "hold_expired") return "offer_expired";
  if (b && b.previousPricePerPerson !== null && b.pricePerPerson > b.previousPricePerPerson) return "price_rose";
  if (state.endedBy === "signed_out") return "signed_out";
  // An open session closed by the clock has timed out.
  return endReason === "open" ? "timed_out" : endReason;
}
