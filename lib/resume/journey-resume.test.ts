import { describe, expect, it } from "vitest";
import type { BookingResume } from "../journeys/booking/booking-resume";
import type { ResumePoint } from "../journeys/journey-definition";
import { COMPLETED_SINCE, completedSince, fromBookingResume, fromResumePoint } from "./journey-resume";

const point: ResumePoint = {
  step: "carted",
  label: "Added to cart",
  chosen: { Product: "p-42", "Items added": "2" },
  facts: { product: "p-42", items: "2" },
  remaining: ["Ordered"],
  blockers: [],
};

describe("a data journey's resume", () => {
  it("answers the common shape from the resume point: the step, its label, the facts by key, what remains", () => {
    const resume = fromResumePoint(point, { completedSince: false });
    expect(resume).toEqual({
      canContinue: true,
      step: "carted",
      stepLabel: "Added to cart",
      facts: { product: "p-42", items: "2" },
      remaining: ["Ordered"],
      noLongerHolds: [],
    });
    expect(Object.keys(resume)).toEqual(["canContinue", "step", "stepLabel", "facts", "remaining", "noLongerHolds"]);
  });

  it("cannot be continued once the customer completed the journey in a later session", () => {
    const resume = fromResumePoint(point, { completedSince: true });
    expect(resume.canContinue).toBe(false);
    expect(resume.noLongerHolds).toEqual([COMPLETED_SINCE]);
  });

  it("tells the point's blockers as changes, which do not stop it", () => {
    const resume = fromResumePoint({ ...point, blockers: ["The price changed"] }, { completedSince: false });
    expect(resume.canContinue).toBe(true);
    expect(resume.noLongerHolds).toEqual([{ code: "changed", message: "The price changed", blocking: false }]);
  });
});

describe("completed since", () => {
  const session = { id: "s1", journey: "shop", startedAt: new Date("2026-06-01T10:00:00Z") };
  const later = (overrides: Partial<{ id: string; journey: string; startedAt: Date; outcome: string }>) => ({
    id: "s2",
    journey: "shop",
    startedAt: new Date("2026-06-02T10:00:00Z"),
    outcome: "completed",
    ...overrides,
  });

  it("is a later session of the same journey that completed", () => {
    expect(completedSince(session, [later({})])).toBe(true);
  });

  it("is not an earlier one, another journey's, one not completed, or the session itself", () => {
    expect(completedSince(session, [later({ startedAt: new Date("2026-05-31T10:00:00Z") })])).toBe(false);
    expect(completedSince(session, [later({ journey: "holiday-booking" })])).toBe(false);
    expect(completedSince(session, [later({ outcome: "abandoned" })])).toBe(false);
    expect(completedSince(session, [{ ...session, outcome: "completed", startedAt: new Date("2026-06-03T00:00:00Z") }])).toBe(false);
  });
});

describe("the booking journey's resume", () => {
  const booking: BookingResume = {
    canContinue: true,
    step: "priced",
    stepLabel: "Got a price, not yet paid",
    chosen: {
      destination: "Lisbon (LIS)",
      destinationCode: "LIS",
      offerId: "off-1",
      hotel: "Vista",
      package: "half-board",
      checkIn: "2027-06-12",
      checkOut: "2027-06-19",
      adults: 2,
      children: 1,
      extras: [],
      pricePerPerson: 700,
      total: 2100,
      currency: "EUR",
      bookingId: "BK-1",
    },
    remaining: ["Pay"],
    noLongerHolds: [],
  };

  it("keeps chosen beside the common shape, with the facts of its resume point", () => {
    const resume = fromBookingResume(booking, { ...point, facts: { destination: "Lisbon" } });
    expect(Object.keys(resume)).toEqual(["canContinue", "step", "stepLabel", "facts", "remaining", "noLongerHolds", "chosen"]);
    expect(resume.facts).toEqual({ destination: "Lisbon" });
    expect(resume.chosen).toBe(booking.chosen);
  });

  it("answers the labelled choice as facts for a session folded before resume points had facts", () => {
    const { facts: _, ...old } = point;
    expect(fromBookingResume(booking, old as ResumePoint).facts).toEqual(point.chosen);
    expect(fromBookingResume(booking, null).facts).toEqual({});
  });
});
