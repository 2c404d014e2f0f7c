import { EVENT_TYPES as T } from "./booking-events";
import type { JourneyEvent } from "../journey-event";

type Data = Record<string, unknown>;

const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const dayOnly = new Intl.DateTimeFormat("en-GB", { day: "numeric", timeZone: "UTC" });
// Formatters are costly to create and folds ask for one per session: keep one per currency.
const moneyFormats = new Map<string, Intl.NumberFormat>();
const money = (amount: unknown, currency: unknown = "EUR") => {
  if (typeof amount !== "number") return "?";
  const code = typeof currency === "string" && /^[A-Z]{3}$/.test(currency) ? currency : "EUR";
  let format = moneyFormats.get(code);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { style: "currency", currency: code, maximumFractionDigits: 0 });
    moneyFormats.set(code, format);
  }
  return format.format(amount);
};

/** "12–19 Jun 2027", "28 Jun – 3 Jul 2027" across months, "28 Dec 2026 – 3 Jan 2027" across years: a trip's dates say their year. */
export function dateRange(from: unknown, to: unknown): string {
  if (typeof from !== "string" || typeof to !== "string" || !from || !to) return "";
  const a = new Date(`${from}T00:00:00Z`);
  const b = new Date(`${to}T00:00:00Z`);
  if (Number.isNaN(a.getTime()) || Number.isNaN(b.getTime())) return `${from} – ${to}`;
  const year = b.getUTCFullYear();
  if (a.getUTCFullYear() !== year) return `${day.format(a)} ${a.getUTCFullYear()} – ${day.format(b)} ${year}`;
  return a.getUTCMonth() === b.getUTCMonth() ? `${dayOnly.format(a)}–${day.format(b)} ${year}` : `${day.format(a)} – ${day.format(b)} ${year}`;
}

export function travellers(adults: unknown, children: unknown): string {
  const a = typeof adults === "number" ? adults : 0;
  const c = typeof children === "number" ? children : 0;
  const parts = [`${a} adult${a === 1 ? "" : "s"}`];
  if (c > 0) parts.push(`${c} child${c === 1 ? "" : "ren"}`);
  return parts.join(", ");
}

const reasons: Record<string, string> = {
  card_declined: "card declined",
  insufficient_funds: "insufficient funds",
  authentication_failed: "card authentication failed",
};

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The holiday-booking events in plain words. `offerNames` (offer id → "Vista Resort Lisbon
 * (half-board)", from earlier events of the session) names offers that an event gives by id only.
 */
export function describeBookingEvent(event: JourneyEvent, offerNames: ReadonlyMap<string, string> = new Map()): string {
  const offerName = (id: unknown) => offerNames.get(String(id)) ?? `offer ${id}`;
  const d = (event.data && typeof event.data === "object" ? event.data : {}) as Data;
  switch (event.type) {
    case T.userRegistered:
      return "Created an account";
    case T.userSignedIn:
      return `Signed in on ${d.platform === "web" ? `the web (${d.device})` : `the ${d.platform} app`}`;
    case T.userSignedOut:
      return "Signed out";
    case T.sessionExpired:
      return `Session expired after ${d.idleMinutes ?? 30} minutes idle`;
    case T.destinationsSearched:
      return `Searched ${d.query ?? d.destination}, ${dateRange(d.checkIn, d.checkOut)}, ${travellers(d.adults, d.children)}`;
    case T.destinationViewed:
      return `Looked at ${d.name ?? d.destination}`;
    case T.offerViewed:
      return `Viewed ${d.hotel} (${d.package}), ${money(d.pricePerPerson, d.currency)} per person`;
    case T.offersCompared:
      return `Compared ${Array.isArray(d.offerIds) ? d.offerIds.length : "several"} offers`;
    case T.offerSaved:
      return `Saved ${offerName(d.offerId)}`;
    case T.offerRepriced:
      return `${upperFirst(offerName(d.offerId))} repriced from ${money(d.oldPrice, d.currency)} to ${money(d.newPrice, d.currency)}`;
    case T.bookingStarted:
      return `Started booking ${d.bookingId}: ${d.hotel}, ${dateRange(d.checkIn, d.checkOut)}, ${travellers(d.adults, d.children)}`;
    case T.travellersAdded: {
      const count = Array.isArray(d.travellers) ? d.travellers.length : null;
      return `Added ${count ?? "the"} traveller${count === 1 ? "" : "s"}`;
    }
    case T.extrasAdded:
      return `Added extras: ${Array.isArray(d.extras) ? d.extras.map((x) => (x as Data).name).join(", ") : ""}`;
    case T.bookingPriced: {
      const before = d.previousPricePerPerson;
      const way = typeof before === "number" && typeof d.pricePerPerson === "number" && d.pricePerPerson < before ? "down" : "up";
      const changed =
        typeof before === "number" ? ` (price per person ${way} from ${money(before, d.currency)} to ${money(d.pricePerPerson, d.currency)})` : "";
      return `Priced at ${money(d.total, d.currency)}${changed}`;
    }
    case T.holdExpired:
      return `The hold on booking ${d.bookingId} expired`;
    case T.paymentFailed:
      return `Payment attempt ${d.attempt} failed: ${reasons[String(d.reason)] ?? d.reason}`;
    case T.paymentSucceeded:
      return `Paid ${money(d.amount, d.currency)}${typeof d.attempt === "number" && d.attempt > 1 ? ` on attempt ${d.attempt}` : ""}`;
    case T.bookingConfirmed:
      return `Booking ${d.reference ?? d.bookingId} confirmed, ${money(d.total, d.currency)}`;
    case T.bookingCancelled:
      return `Cancelled booking ${d.reference ?? d.bookingId} (${String(d.reason ?? "").replaceAll("_", " ")})`;
    case T.refundRequested:
      return `Asked for a refund of ${money(d.amount, "EUR")} on ${d.reference ?? d.bookingId} (${String(d.reason ?? "").replaceAll("_", " ")})`;
    case T.refundIssued:
      return `Refund of ${money(d.amount, d.currency)} issued`;
    default:
      return event.type;
  }
}

export { money };

/** A session's events in plain words, each offer named as the events before it named it. */
export function describeBookingEvents(
  events: readonly JourneyEvent[],
  describeOne = describeBookingEvent,
  believes = (_: JourneyEvent) => true,
  offerNames = new Map<string, string>(),
): string[] {
  return events.map((event) => {
    const d = (event.data && typeof event.data === "object" ? event.data : {}) as Data;
    const words = describeOne(event, offerNames);
    if (believes(event) && (event.type === T.offerViewed || event.type === T.bookingStarted) && typeof d.offerId === "string" && typeof d.hotel === "string") {
      offerNames.set(d.offerId, `${d.hotel}${typeof d.package === "string" ? ` (${d.package})` : ""}`);
    }
    return words;
  });
}
