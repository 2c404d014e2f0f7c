import { globListMatches } from "../../glob/glob";
import { SOURCES } from "./booking-events";

/**
 * Which producers the booking journey believes for each type. A producer key is bound to one
 * source, but any source can name any type: without this, a key for /holidays/search could append
 * `payment.payment.succeeded` or `booking.booking.confirmed` for anyone and change their outcome,
 * analytics and resume link, `booking.refund.requested` or `booking.booking.priced` to change a
 * booking's status or price, or `identity.user.registered` to rename a customer and attach its own
 * email to them (an agent searching that email then opens the victim). An event of a guarded type
 * from another source leaves the journey as it was (it still shows, raw, in the replay).
 *
 * Types and sources are patterns in the product's glob syntax (lib/glob/glob.ts).
 */
export interface TrustRule {
  types: readonly string[];
  sources: readonly string[];
}

export interface BookingTrust {
  payment: TrustRule;
  confirmation: TrustRule;
  cancellation: TrustRule;
  /** a later repricing of an offer: what a resume link warns about */
  repricing: TrustRule;
  /** every other type: the rules after the named ones, first match wins */
  services: readonly TrustRule[];
}

/** Each reference-world service is believed for the types its prefix names (`booking.*` from /holidays/booking). */
const BY_SERVICE: TrustRule[] = Object.entries(SOURCES).map(([service, source]) => ({ types: [`${service}.*`], sources: [source] }));

/** The reference world's producers (SOURCES in ./booking-events.ts): a test holds them equal. */
export const REFERENCE_BOOKING_TRUST: BookingTrust = {
  payment: { types: ["payment.*"], sources: ["/holidays/payment"] },
  confirmation: { types: ["booking.booking.confirmed"], sources: ["/holidays/booking"] },
  cancellation: { types: ["booking.booking.cancelled"], sources: ["/holidays/booking"] },
  repricing: { types: ["offers.offer.repriced"], sources: ["/holidays/offers"] },
  services: BY_SERVICE,
};

/** The rule guarding this type, if any. */
export function ruleFor(trust: BookingTrust, type: string): TrustRule | null {
  const rules = [trust.payment, trust.confirmation, trust.cancellation, trust.repricing, ...trust.services];
  return rules.find((rule) => globListMatches(rule.types, type)) ?? null;
}

/** Does the journey believe this event? Types no rule names (another world's) are believed from any source. */
export function isTrusted(trust: BookingTrust, event: { type: string; source: string }): boolean {
  const rule = ruleFor(trust, event.type);
  return rule === null || globListMatches(rule.sources, event.source);
}
