import { describe, expect, it } from "vitest";
import { EVENT_TYPES as T } from "./booking-events";
import { journeyBuilder } from "../../testing/journey-builder";
import { foldEvents } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";
import { bookingJourney as J } from "./booking-journey";
import { bookingResume, type LaterEvents } from "./booking-resume";

const BK = "BK-1042";
type Step = (b: ReturnType<typeof journeyBuilder>) => JourneyEvent;
const NOW = Date.parse("2026-06-01T10:30:00Z");
const nothingLater: LaterEvents = { repricings: [], bookingOutcome: null };

function resumeAfter(steps: Step[], later: LaterEvents = nothingLater, now = NOW) {
  const b = journeyBuilder();
  return bookingResume(
    foldEvents(
      J,
      steps.map((s) => s(b)),
    ),
    later,
    now,
  );
}

const signIn: Step = (b) => b.event(T.userSignedIn, { platform: "web", device: "desktop", country: "GB" });
const search: Step = (b) =>
  b.event(T.destinationsSearched, { query: "Lisbon", destination: "LIS", checkIn: "2026-06-12", checkOut: "2026-06-19", adults: 2, children: 1 });
const view: Step = (b) =>
  b.event(T.offerViewed, { offerId: "OF-LIS-1", destination: "LIS", hotel: "Vista Resort Lisbon", package: "half-board", pricePerPerson: 700 });
const start: Step = (b) =>
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
      children: 1,
      pricePerPerson: 700,
    },
    { correlationid: BK },
  );
const travellers: Step = (b) =>
  b.event(
    T.travellersAdded,
    { bookingId: BK, travellers: [{ name: "Ana" }, { name: "Ben" }, { name: "Cy" }], contact: { email: "ana@example.com" } },
    { correlationid: BK },
  );
const extras: Step = (b) => b.event(T.extrasAdded, { bookingId: BK, extras: [{ code: "TRF", name: "Airport transfer", price: 40 }] }, { correlationid: BK });
const priced =
  (holdUntil = "2026-06-01T11:00:00Z"): Step =>
  (b) =>
    b.event(
      T.bookingPriced,
      { bookingId: BK, offerId: "OF-LIS-1", pricePerPerson: 700, total: 2100, currency: "EUR", holdExpiresAt: holdUntil },
      { correlationid: BK },
    );
const failed: Step = (b) => b.event(T.paymentFailed, { bookingId: BK, attempt: 1, reason: "card_declined", amount: 2100 }, { correlationid: BK, userid: null });
const holdExpired: Step = (b) => b.event(T.holdExpired, { bookingId: BK, offerId: "OF-LIS-1" }, { correlationid: BK });
const paid: Step = (b) => b.event(T.paymentSucceeded, { bookingId: BK, attempt: 1, amount: 2100, currency: "EUR" }, { correlationid: BK, userid: null });
const confirmed: Step = (b) => b.event(T.bookingConfirmed, { bookingId: BK, reference: BK, total: 2100, currency: "EUR" }, { correlationid: BK });

describe("the resume point for each way a booking journey stops", () => {
  it("after a search: where and when, and everything after", () => {
    const r = resumeAfter([signIn, search])!;
    expect(r).toMatchObject({ canContinue: true, step: "searched", noLongerHolds: [] });
    expect(r.chosen).toMatchObject({
      destination: "Lisbon (LIS)",
      checkIn: "2026-06-12",
      checkOut: "2026-06-19",
      adults: 2,
      children: 1,
      offerId: null,
      bookingId: null,
    });
    expect(r.remaining).toEqual(["Choose an offer", "Start the booking", "Add the travellers", "Pay"]);
  });

  it("after looking at an offer: the last offer seen, at its price", () => {
    const r = resumeAfter([signIn, search, view])!;
    expect(r).toMatchObject({
      step: "viewed_offer",
      chosen: { offerId: "OF-LIS-1", hotel: "Vista Resort Lisbon", package: "half-board", pricePerPerson: 700 },
    });
    expect(r.remaining).toEqual(["Start the booking", "Add the travellers", "Pay"]);
  });

  it.each([
    ["after starting the booking", [start], "started", ["Add the travellers", "Get the booking priced", "Pay"]],
    ["after adding travellers", [start, travellers], "travellers_added", ["Get the booking priced", "Pay"]],
    ["after adding extras", [start, travellers, extras], "travellers_added", ["Get the booking priced", "Pay"]],
    ["after pricing, the hold still running", [start, travellers, priced()], "priced", ["Pay"]],
    ["after a declined payment", [start, travellers, priced(), failed], "payment_failed", ["Pay"]],
  ] as [string, Step[], string, string[]][])("%s", (_name, steps, step, remaining) => {
    const r = resumeAfter([signIn, search, view, ...steps])!;
    expect(r).toMatchObject({ canContinue: true, step, remaining, noLongerHolds: [] });
    // The booking names the destination by code; the search that led to it gives its name: a place.
    expect(r.chosen).toMatchObject({ bookingId: BK, offerId: "OF-LIS-1", destination: "Lisbon (LIS)", adults: 2, children: 1 });
  });

  it("keeps the extras and the total", () => {
    expect(resumeAfter([signIn, search, view, start, travellers, extras, priced()])!.chosen).toMatchObject({
      extras: ["Airport transfer"],
      total: 2100,
      currency: "EUR",
    });
  });

  it("nothing to resume after a confirmed booking, or a visit without a search", () => {
    expect(resumeAfter([signIn, search, view, start, travellers, priced(), paid, confirmed])).toBeNull();
    expect(resumeAfter([signIn])).toBeNull();
  });
});

describe("what no longer holds", () => {
  it("the hold expired (an event says so): it will be priced again, and can continue", () => {
    const r = resumeAfter([signIn, search, view, start, travellers, priced(), holdExpired])!;
    expect(r.canContinue).toBe(true);
    expect(r.noLongerHolds.map((n) => n.code)).toEqual(["hold_expired"]);
    expect(r.remaining).toEqual(["Get the booking priced", "Pay"]);
  });

  it("the hold's time ran out since, with no event yet", () => {
    const r = resumeAfter([signIn, search, view, start, travellers, priced("2026-06-01T10:20:00Z")], nothingLater, Date.parse("2026-06-01T10:20:00Z"))!;
    expect(r.noLongerHolds.map((n) => n.code)).toEqual(["hold_expired"]);
  });

  it("the price changed since: the new price is said", () => {
    const r = resumeAfter([signIn, search, view, start], { repricings: [{ offerId: "OF-LIS-1", newPrice: 760, at: NOW - 1000 }], bookingOutcome: null })!;
    expect(r.noLongerHolds).toEqual([expect.objectContaining({ code: "price_changed", pricePerPerson: 760, message: expect.stringContaining("€760") })]);
    expect(r.canContinue).toBe(true);
  });

  it("a repricing of another offer, or back to the same price, changes nothing", () => {
    expect(
      resumeAfter([signIn, search, view, start], { repricings: [{ offerId: "OF-X", newPrice: 1, at: NOW }], bookingOutcome: null })!.noLongerHolds,
    ).toEqual([]);
    expect(
      resumeAfter([signIn, search, view, start], {
        repricings: [
          { offerId: "OF-LIS-1", newPrice: 800, at: 1 },
          { offerId: "OF-LIS-1", newPrice: 700, at: 2 },
        ],
        bookingOutcome: null,
      })!.noLongerHolds,
    ).toEqual([]);
  });

  it("the booking was confirmed elsewhere since: nothing to continue", () => {
    const r = resumeAfter([signIn, search, view, start, travellers, priced()], {
      repricings: [],
      bookingOutcome: { type: "confirmed", at: NOW, reference: BK },
    })!;
    expect(r).toMatchObject({ canContinue: false, remaining: [] });
    expect(r.noLongerHolds.map((n) => n.code)).toEqual(["booking_confirmed"]);
  });

  it("the booking was cancelled since", () => {
    const r = resumeAfter([signIn, search, view, start], {
      repricings: [{ offerId: "OF-LIS-1", newPrice: 900, at: NOW }],
      bookingOutcome: { type: "cancelled", at: NOW, reference: null },
    })!;
    expect(r.canContinue).toBe(false);
    expect(r.noLongerHolds.map((n) => n.code)).toEqual(["booking_cancelled"]);
  });

  it("paid and waiting for the confirmation: nothing for the customer to do", () => {
    const r = resumeAfter([signIn, search, view, start, travellers, priced(), paid])!;
    expect(r).toMatchObject({ canContinue: false, step: "paid" });
    expect(r.noLongerHolds.map((n) => n.code)).toEqual(["payment_taken"]);
  });

  it("the same trip was booked since under another booking: nothing to continue", () => {
    const later: LaterEvents = {
      ...nothingLater,
      laterBookings: [{ bookingId: "BK-2", offerId: "OF-LIS-1", destination: "LIS", checkIn: "2026-06-12", checkOut: "2026-06-19" }],
    };
    const r = resumeAfter([signIn, search, view, start, travellers], later)!;
    expect(r.canContinue).toBe(false);
    expect(r.noLongerHolds.map((n) => n.code)).toEqual(["booked_since"]);
    const otherTrip: LaterEvents = {
      ...nothingLater,
      laterBookings: [{ bookingId: "BK-3", offerId: "OF-X", destination: "ROM", checkIn: "2026-08-01", checkOut: "2026-08-05" }],
    };
    expect(resumeAfter([signIn, search, view, start, travellers], otherTrip)!.canContinue).toBe(true);
  });

  it("a payment taken outside the session (a late callback): nothing for the customer to do", () => {
    const r = resumeAfter([signIn, search, view, start, travellers, priced()], { ...nothingLater, paymentTaken: true })!;
    expect(r.noLongerHolds.map((n) => n.code)).toEqual(["payment_taken"]);
  });

  it("the travel dates have passed", () => {
    const r = resumeAfter([signIn, search, view, start], nothingLater, Date.parse("2026-06-12T08:00:00Z"))!;
    expect(r.canContinue).toBe(false);
    expect(r.noLongerHolds.map((n) => n.code)).toEqual(["dates_passed"]);
  });

  it("while the hold runs, the held price stands whatever the offer costs now", () => {
    const repriced: LaterEvents = { ...nothingLater, repricings: [{ offerId: "OF-LIS-1", newPrice: 760, at: NOW }] };
    expect(resumeAfter([signIn, search, view, start, travellers, priced()], repriced)!.noLongerHolds).toEqual([]);
    const afterHold = resumeAfter([signIn, search, view, start, travellers, priced("2026-06-01T10:20:00Z")], repriced, Date.parse("2026-06-01T10:25:00Z"))!;
    expect(afterHold.noLongerHolds.map((n) => n.code)).toEqual(["hold_expired", "price_changed"]);
  });

  it("a new search after a confirmed booking is a new trip to resume", () => {
    const again: Step = (b) =>
      b.event(T.destinationsSearched, { query: "Rome", destination: "ROM", checkIn: "2026-09-01", checkOut: "2026-09-05", adults: 1, children: 0 });
    const r = resumeAfter([signIn, search, view, start, travellers, priced(), paid, confirmed, again])!;
    expect(r).toMatchObject({ canContinue: true, step: "searched", chosen: { destination: "Rome (ROM)", bookingId: null } });
  });
});
