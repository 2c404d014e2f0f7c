import { describe, expect, it } from "vitest";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { foldEvents } from "../journeys/journey-definition";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";
import { journeyBuilder } from "../testing/journey-builder";
import { momentAt } from "./moment";

describe("momentAt", () => {
  const b = journeyBuilder();
  const events = [
    b.event(T.userSignedIn, { platform: "ios", device: "mobile" }),
    b.event(T.destinationsSearched, { query: "Crete", checkIn: "2026-07-01", checkOut: "2026-07-08", adults: 2, children: 1 }),
    b.event(T.offerViewed, { hotel: "Olive Resort", package: "all-inclusive", pricePerPerson: 900 }),
  ];

  it("is the state after the event at the playhead, with the facts it changed", () => {
    const m = momentAt(bookingJourney, null, events, 1);
    expect(m.state).toEqual(foldEvents(bookingJourney, events.slice(0, 2)));
    expect(m.facts).toMatchObject({ destination: "Crete", travellers: "2 adults, 1 child" });
    expect(m.changed).toEqual(expect.arrayContaining(["step", "destination", "dates", "travellers"]));
    expect(m.changed).not.toContain("platform");
  });

  it("folds from a block's snapshot", () => {
    const snapshot = foldEvents(bookingJourney, events.slice(0, 2));
    expect(momentAt(bookingJourney, snapshot, events.slice(2), 0).state).toEqual(foldEvents(bookingJourney, events));
  });
});
