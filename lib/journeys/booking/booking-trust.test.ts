import { describe, expect, it } from "vitest";
import { sessionFacts } from "../../analytics/session-facts";
import { EVENT_TYPES as T, serviceOf, SOURCES } from "./booking-events";
import { simulateWorld } from "../../simulate/world";
import { journeyBuilder } from "../../testing/journey-builder";
import { foldEvents, type JourneyDefinition } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";
import { bookingJourney, createBookingJourney } from "./booking-journey";
import { isTrusted, REFERENCE_BOOKING_TRUST } from "./booking-trust";

const BK = "BK-7";

/** A booking up to its price, from the reference world's own producers. */
function pricedBooking() {
  const b = journeyBuilder();
  return {
    b,
    events: [
      b.event(T.userSignedIn, { platform: "web" }),
      b.event(T.destinationsSearched, { query: "Lisbon", destination: "LIS", checkIn: "2026-06-12", checkOut: "2026-06-19", adults: 2, children: 0 }),
      b.event(T.offerViewed, { offerId: "OF-1", destination: "LIS", hotel: "Vista", package: "half-board", pricePerPerson: 700 }),
      b.event(
        T.bookingStarted,
        {
          bookingId: BK,
          offerId: "OF-1",
          destination: "LIS",
          hotel: "Vista",
          package: "half-board",
          checkIn: "2026-06-12",
          checkOut: "2026-06-19",
          adults: 2,
          children: 0,
          pricePerPerson: 700,
        },
        { correlationid: BK },
      ),
      b.event(T.bookingPriced, { bookingId: BK, pricePerPerson: 700, total: 1400, currency: "EUR" }, { correlationid: BK }),
    ],
  };
}

const settle = (b: ReturnType<typeof journeyBuilder>, source?: string) => [
  b.event(T.paymentSucceeded, { bookingId: BK, attempt: 1, amount: 1400, currency: "EUR" }, { correlationid: BK, ...(source ? { source } : {}) }),
  b.event(T.bookingConfirmed, { bookingId: BK, reference: BK, total: 1400, currency: "EUR" }, { correlationid: BK, ...(source ? { source } : {}) }),
];

function outcomeOf(journey: JourneyDefinition<unknown>, events: JourneyEvent[]) {
  const state = foldEvents(journey, events);
  const outcome = journey.outcome(state, false);
  return { state, outcome, facts: sessionFacts(journey, events, outcome, "open") };
}

describe("the booking journey believes a payment or a confirmation only from the sources it trusts for them", () => {
  const J = bookingJourney as JourneyDefinition<unknown>;

  it("defaults to the reference world's producers", () => {
    expect(REFERENCE_BOOKING_TRUST.payment.sources).toEqual([SOURCES.payment]);
    expect(REFERENCE_BOOKING_TRUST.confirmation.sources).toEqual([SOURCES.booking]);
    expect(REFERENCE_BOOKING_TRUST.cancellation.sources).toEqual([SOURCES.booking]);
    expect(REFERENCE_BOOKING_TRUST.repricing.sources).toEqual([SOURCES.offers]);
    expect(isTrusted(REFERENCE_BOOKING_TRUST, { type: T.refundIssued, source: SOURCES.payment })).toBe(true);
    expect(isTrusted(REFERENCE_BOOKING_TRUST, { type: T.paymentFailed, source: SOURCES.search })).toBe(false);
    expect(isTrusted(REFERENCE_BOOKING_TRUST, { type: T.offerViewed, source: "/anyone" })).toBe(false);
  });

  it("given a priced booking, when the payment and booking services settle it, then it is booked", () => {
    const { b, events } = pricedBooking();
    const { outcome, facts } = outcomeOf(J, [...events, ...settle(b)]);
    expect(outcome).toBe("completed");
    expect(facts.offers.find((o) => o.offerId === "OF-1")).toMatchObject({ booked: true, revenue: 1400 });
  });

  it("given a priced booking, when the search service's key claims the payment and the confirmation, then nothing changes", () => {
    const { b, events } = pricedBooking();
    const before = outcomeOf(J, events);
    const forged = settle(b, SOURCES.search);
    const after = outcomeOf(J, [...events, ...forged]);
    expect(after.state).toEqual(before.state);
    expect(after.outcome).toBe("abandoned");
    expect(after.facts).toEqual(before.facts);
    expect(after.facts.offers.find((o) => o.offerId === "OF-1")).toMatchObject({ booked: false, revenue: 0 });
    // Still in the replay, in words that say it was not believed; and no search terms from it.
    expect(J.describe(forged[1]!)).toMatch(/^Not believed: booking\.booking\.confirmed from \/holidays\/search/);
    expect(J.searchTerms(forged[1]!)).toEqual([]);
  });

  it("trusts what its configuration names, not a hard-coded source", () => {
    const configured = createBookingJourney({
      ...REFERENCE_BOOKING_TRUST,
      payment: { types: ["payment.*"], sources: ["/psp/*"] },
      confirmation: { types: ["booking.booking.confirmed"], sources: ["/psp/*"] },
    }) as JourneyDefinition<unknown>;
    const { b, events } = pricedBooking();
    expect(outcomeOf(configured, [...events, ...settle(b, "/psp/adyen")]).outcome).toBe("completed");
    expect(outcomeOf(configured, [...events, ...settle(b)]).outcome).toBe("abandoned");
  });
});

describe("by default the booking journey believes every reference-world type only from the service its prefix names", () => {
  const J = bookingJourney as JourneyDefinition<unknown>;

  it("each type of the reference world is believed from its own service and from no other", () => {
    for (const type of Object.values(T)) {
      const own = SOURCES[serviceOf(type)!];
      for (const source of Object.values(SOURCES)) expect(isTrusted(REFERENCE_BOOKING_TRUST, { type, source }), `${type} from ${source}`).toBe(source === own);
      expect(isTrusted(REFERENCE_BOOKING_TRUST, { type, source: "/anyone" })).toBe(false);
    }
    // Another world's types name no service: believed from wherever they come.
    expect(isTrusted(REFERENCE_BOOKING_TRUST, { type: "trivago.clickout_item", source: "/trivago/train.csv" })).toBe(true);
  });

  it.each([
    ["a refund request", T.refundRequested, { bookingId: BK, reference: BK, amount: 1400 }],
    ["a new price", T.bookingPriced, { bookingId: BK, pricePerPerson: 1, total: 2, holdExpiresAt: "2026-06-01T11:00:00Z" }],
    ["an expired hold", T.holdExpired, { bookingId: BK }],
  ])("given a priced booking, when the search service's key claims %s, then the booking is as it was", (_, type, data) => {
    const { b, events } = pricedBooking();
    const before = outcomeOf(J, events);
    const forged = b.event(type, data, { correlationid: BK, source: SOURCES.search });
    expect(outcomeOf(J, [...events, forged]).state).toEqual(before.state);
    // From the booking service it does change it (the guard, not the event, kept it still).
    expect(outcomeOf(J, [...events, b.event(type, data, { correlationid: BK })]).state).not.toEqual(before.state);
  });

  it("given a customer, when the search service's key registers them under another name and email, then neither names them nor finds them", () => {
    const b = journeyBuilder();
    const data = { name: "Mallory Attacker", email: "mallory@evil.test", phone: "+44 7700 900999", country: "GB" };
    const forged = b.event(T.userRegistered, data, { source: SOURCES.search });
    expect(J.personName(forged)).toBeNull();
    expect(J.searchTerms(forged)).toEqual([]);
    expect(J.evolve(J.initialState(), forged)).toEqual(J.initialState());
    const real = b.event(T.userRegistered, data);
    expect(J.personName(real)).toBe("Mallory Attacker");
    expect(J.searchTerms(real)).toContainEqual({ term: "mallory@evil.test", kind: "email" });
  });
});

describe("the reference world is believed whole by the default trust", () => {
  it("every event of a simulated world (the demo's producers) comes from a source trusted for its type", () => {
    const world = simulateWorld({ users: 150, days: 21, seed: "trust", start: new Date("2026-06-01T00:00:00Z") });
    expect(world.length).toBeGreaterThan(1_000);
    expect(world.map((w) => w.event).filter((e) => !isTrusted(REFERENCE_BOOKING_TRUST, e))).toEqual([]);
    expect(new Set(world.map((w) => w.event.type))).toEqual(new Set(Object.values(T)));
  });
});
