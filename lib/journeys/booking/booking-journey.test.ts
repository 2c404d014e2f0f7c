import { describe, expect, it } from "vitest";
import { EVENT_TYPES as T } from "./booking-events";
import { journeyBuilder } from "../../testing/journey-builder";
import { foldEvents } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";
import { genericJourney } from "../generic/generic-journey";
import { bookingJourney as J } from "./booking-journey";

const BK = "BK-1042";

/** given events → then the state, its outcome when the session has ended, and the resume point. */
function given(...steps: ((b: ReturnType<typeof journeyBuilder>) => JourneyEvent)[]) {
  const b = journeyBuilder();
  const events = steps.map((step) => step(b));
  const state = foldEvents(J, events);
  return { state, outcome: J.outcome(state, false), resume: J.resumePoint(state), events };
}

const signIn = (b: ReturnType<typeof journeyBuilder>) => b.event(T.userSignedIn, { platform: "web", device: "desktop", country: "GB" });
const search = (b: ReturnType<typeof journeyBuilder>) =>
  b.event(T.destinationsSearched, { query: "Lisbon", destination: "LIS", checkIn: "2026-06-12", checkOut: "2026-06-19", adults: 2, children: 0 });
const view = (b: ReturnType<typeof journeyBuilder>) =>
  b.event(T.offerViewed, { offerId: "OF-LIS-1", destination: "LIS", hotel: "Vista Resort Lisbon", package: "half-board", pricePerPerson: 700 });
const start = (b: ReturnType<typeof journeyBuilder>) =>
  b.event(
    T.bookingStarted,
    {
      bookingId: BK,
      offerId: "OF-LIS-1",
      destination: "LIS",
      hotel: "Vista Resort Lisbon",
      package: "half-board",
      checkIn: "2026-06-12",
      checkOut: "2026-06-19",
      adults: 2,
      children: 0,
      pricePerPerson: 700,
    },
    { correlationid: BK },
  );
const travellers = (b: ReturnType<typeof journeyBuilder>) =>
  b.event(
    T.travellersAdded,
    { bookingId: BK, travellers: [{ name: "Ana Silva" }, { name: "Ben Silva" }], contact: { email: "ana@example.com" } },
    { correlationid: BK },
  );
const priced =
  (total = 1400, previous?: number) =>
  (b: ReturnType<typeof journeyBuilder>) =>
    b.event(
      T.bookingPriced,
      {
        bookingId: BK,
        pricePerPerson: total / 2,
        ...(previous ? { previousPricePerPerson: previous } : {}),
        total,
        currency: "EUR",
        holdExpiresAt: "2026-06-01T11:00:00Z",
      },
      { correlationid: BK },
    );
const failed = (attempt: number) => (b: ReturnType<typeof journeyBuilder>) =>
  b.event(T.paymentFailed, { bookingId: BK, attempt, reason: "card_declined", amount: 1400 }, { correlationid: BK, userid: null });
const paid =
  (attempt = 1) =>
  (b: ReturnType<typeof journeyBuilder>) =>
    b.event(T.paymentSucceeded, { bookingId: BK, attempt, amount: 1400, currency: "EUR" }, { correlationid: BK, userid: null });
const confirmed = (b: ReturnType<typeof journeyBuilder>) =>
  b.event(T.bookingConfirmed, { bookingId: BK, reference: BK, total: 1400, currency: "EUR" }, { correlationid: BK });

describe("the holiday-booking journey", () => {
  it("booked: search → offer → booking → travellers → priced → paid → confirmed", () => {
    const t = given(signIn, search, view, start, travellers, priced(), paid(), confirmed);
    expect(t.outcome).toBe("completed");
    expect(t.state.booking).toMatchObject({ status: "confirmed", reference: BK, total: 1400, travellers: 2 });
    expect(J.funnelReached(t.state)).toEqual(["search", "view_offer", "start_booking", "travellers_extras", "priced", "payment", "confirmed"]);
    expect(t.resume).toBeNull();
  });

  it("browsed: searched and looked, never started a booking", () => {
    const t = given(signIn, search, view);
    expect(t.outcome).toBe("browsed");
    expect(t.resume).toMatchObject({
      chosen: { destination: "Lisbon (LIS)", dates: "12–19 Jun 2026", travellers: "2 adults" },
      remaining: ["Choose an offer", "Book and pay"],
    });
  });

  it("live while the session is open, whatever happened", () => {
    const t = given(signIn, search, view, start);
    expect(J.outcome(t.state, true)).toBe("live");
  });

  it.each([
    ["after starting", [start], "booking_started", ["Add the travellers", "Get the booking priced", "Pay"]],
    ["after adding travellers", [start, travellers], "travellers_added", ["Get the booking priced", "Pay"]],
    ["after pricing", [start, travellers, priced()], "priced", ["Pay €1,400 (price held until 1 Jun, 11:00 UTC)"]],
  ] as const)("abandoned %s: resume point names what remains", (_name, steps, step, remaining) => {
    const t = given(signIn, search, view, ...steps);
    expect(t.outcome).toBe("abandoned");
    expect(t.state.step).toBe(step);
    expect(t.resume).toMatchObject({ chosen: { booking: BK, offer: "Vista Resort Lisbon (half-board)", dates: "12–19 Jun 2026" }, remaining });
    expect(t.resume!.blockers).toEqual([]);
  });

  it("abandoned after the price rose: the blocker says so", () => {
    const t = given(signIn, start, travellers, priced(1500, 700));
    expect(t.outcome).toBe("abandoned");
    expect(t.resume!.blockers).toEqual(["The price per person changed from €700 to €750"]);
  });

  it("abandoned when the hold expired: it can no longer be paid as priced", () => {
    const t = given(signIn, start, travellers, priced(), (b) => b.event(T.holdExpired, { bookingId: BK }, { correlationid: BK }));
    expect(t.outcome).toBe("abandoned");
    expect(t.resume).toMatchObject({ step: "hold_expired", remaining: ["Get the booking priced", "Pay"] });
    expect(t.resume!.blockers[0]).toMatch(/hold expired/);
  });

  it("payment failed then succeeded: booked, with both attempts counted", () => {
    const t = given(signIn, start, travellers, priced(), failed(1), paid(2), confirmed);
    expect(t.outcome).toBe("completed");
    expect(t.state.booking).toMatchObject({ paymentAttempts: 2, status: "confirmed" });
    expect(J.describe(t.events[4]!)).toBe("Payment attempt 1 failed: card declined");
    expect(J.describe(t.events[5]!)).toBe("Paid €1,400 on attempt 2");
  });

  it("payment failed every time: abandoned, the last failure is the blocker", () => {
    const t = given(signIn, start, travellers, priced(), failed(1), failed(2), failed(3));
    expect(t.outcome).toBe("abandoned");
    expect(t.state.booking).toMatchObject({ paymentAttempts: 3, status: "payment_failed" });
    expect(t.resume!.blockers).toEqual(["Last payment attempt failed (card declined)"]);
  });

  it("cancelled in a later visit: the booking is known by its reference", () => {
    const t = given(signIn, (b) => b.event(T.bookingCancelled, { bookingId: BK, reference: BK, reason: "change_of_plans" }, { correlationid: BK }));
    expect(t.state).toMatchObject({ step: "cancelled", booking: { bookingId: BK, status: "cancelled" } });
    expect(J.describe(t.events[1]!)).toBe(`Cancelled booking ${BK} (change of plans)`);
    expect(t.resume).toBeNull();
  });

  it("refund requested: the state says so", () => {
    const t = given(signIn, (b) => b.event(T.refundRequested, { bookingId: BK, reference: BK, amount: 1400, reason: "flight_cancelled" }));
    expect(t.state).toMatchObject({ step: "refund_requested", booking: { status: "refund_requested" } });
  });

  it("describes a search in plain words", () => {
    const b = journeyBuilder();
    expect(J.describe(search(b))).toBe("Searched Lisbon, 12–19 Jun 2026, 2 adults");
  });

  it("an unknown event type never breaks the fold and still reads as its type", () => {
    const t = given(signIn, (b) => b.event("loyalty.points.earned", { points: 20 }), search);
    expect(t.state.step).toBe("searched");
    expect(J.describe(t.events[1]!)).toBe("loyalty.points.earned");
  });
});

describe("the generic journey", () => {
  it("never throws on any event and shows type and key fields", () => {
    const b = journeyBuilder();
    const events = [
      b.event("trivago.clickout_item", { reference: "123", city: "Lisbon", nested: { x: 1 } }),
      b.event("weird", null as never),
      b.event("weird", "just text" as never),
    ];
    const state = foldEvents(genericJourney, events);
    expect(state).toMatchObject({ events: 3, types: { "trivago.clickout_item": 1, weird: 2 } });
    expect(genericJourney.describe(events[0]!)).toBe("trivago.clickout_item (reference: 123, city: Lisbon)");
    expect(genericJourney.outcome(state, false)).toBe("browsed");
  });
});
