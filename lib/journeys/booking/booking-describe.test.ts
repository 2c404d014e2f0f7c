import { describe, expect, it } from "vitest";
import { EVENT_TYPES as T } from "./booking-events";
import { journeyBuilder } from "../../testing/journey-builder";
import { describeEvents, describerOf, foldEvents } from "../journey-definition";
import { bookingJourney as J } from "./booking-journey";
import { bookingResume } from "./booking-resume";

const BK = "BK-5";
const view = { offerId: "OF-PFO-3", destination: "PFO", hotel: "Coral Bay Paphos", package: "half-board", pricePerPerson: 800 };

describe("the timeline in plain words", () => {
  it("an offer given by id only reads as the offer the session looked at earlier", () => {
    const b = journeyBuilder();
    const events = [
      b.event(T.offerSaved, { offerId: "OF-PFO-3" }),
      b.event(T.offerViewed, view),
      b.event(T.offerSaved, { offerId: "OF-PFO-3" }),
      b.event(T.offerRepriced, { offerId: "OF-PFO-3", oldPrice: 800, newPrice: 760, currency: "EUR" }),
    ];
    expect(describeEvents(J, events)).toEqual([
      // Nothing named it yet: the id is all there is.
      "Saved offer OF-PFO-3",
      "Viewed Coral Bay Paphos (half-board), €800 per person",
      "Saved Coral Bay Paphos (half-board)",
      "Coral Bay Paphos (half-board) repriced from €800 to €760",
    ]);
    // One event alone (no session around it) still reads.
    expect(J.describe(events[2]!)).toBe("Saved offer OF-PFO-3");
  });

  it("read page by page (an export, a live tail), the words are the timeline's, the session read whole", () => {
    const b = journeyBuilder();
    const events = [b.event(T.offerViewed, view), b.event(T.offerSaved, { offerId: "OF-PFO-3" }), b.event(T.offerSaved, { offerId: "OF-PFO-3" })];
    const words = describerOf(J);
    expect([...words(events.slice(0, 1)), ...words(events.slice(1))]).toEqual(describeEvents(J, events));
    expect(words([events[2]!])).toEqual(["Saved Coral Bay Paphos (half-board)"]);
  });

  it("an event from a source not trusted for it names nothing for the events after it", () => {
    const b = journeyBuilder();
    const events = [b.event(T.offerViewed, view, { source: "/elsewhere" }), b.event(T.offerSaved, { offerId: "OF-PFO-3" })];
    expect(describeEvents(J, events)[1]).toBe("Saved offer OF-PFO-3");
  });

  it("a price that went down says down; up says up", () => {
    const b = journeyBuilder();
    const priced = (pricePerPerson: number, previousPricePerPerson: number) =>
      J.describe(b.event(T.bookingPriced, { bookingId: BK, pricePerPerson, previousPricePerPerson, total: pricePerPerson * 2, currency: "EUR" }));
    expect(priced(650, 700)).toBe("Priced at €1,300 (price per person down from €700 to €650)");
    expect(priced(750, 700)).toBe("Priced at €1,500 (price per person up from €700 to €750)");
  });
});

describe("a price drop is good news", () => {
  const b = journeyBuilder();
  const events = [
    b.event(T.bookingStarted, { bookingId: BK, ...view, checkIn: "2026-07-01", checkOut: "2026-07-08", adults: 2, children: 0 }),
    b.event(T.travellersAdded, { bookingId: BK, travellers: [{}, {}] }),
    b.event(T.bookingPriced, {
      bookingId: BK,
      pricePerPerson: 700,
      previousPricePerPerson: 800,
      total: 1400,
      currency: "EUR",
      holdExpiresAt: "2026-06-01T11:00:00Z",
    }),
  ];

  it("is not a blocker on the left-off card: it is said beside the price", () => {
    const point = J.resumePoint(foldEvents(J, events))!;
    expect(point.blockers).toEqual([]);
    expect(point.chosen.price).toBe("€1,400 (down from €800 to €700 per person)");
  });

  it("is not why a booking stopped", () => {
    const state = foldEvents(J, events);
    expect(J.dropReason(state, "abandoned", "timed_out")).not.toBe("price_rose");
  });
});

describe("a repricing since the session, on the resume page", () => {
  it("says down or up", () => {
    const b = journeyBuilder();
    const state = foldEvents(J, [
      b.event(T.destinationsSearched, { query: "Paphos", destination: "PFO", checkIn: "2027-07-01", checkOut: "2027-07-08", adults: 2, children: 0 }),
      b.event(T.offerViewed, view),
    ]);
    const at = (newPrice: number) =>
      bookingResume(state, { repricings: [{ offerId: "OF-PFO-3", newPrice, at: 0 }], bookingOutcome: null }, Date.parse("2026-06-02T00:00:00Z"))!
        .noLongerHolds[0]!.message;
    expect(at(700)).toBe("The price per person went down from €800 to €700 since.");
    expect(at(900)).toBe("The price per person went up from €800 to €900 since.");
  });
});
