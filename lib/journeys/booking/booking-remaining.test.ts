import { describe, expect, it } from "vitest";
import { EVENT_TYPES as T } from "./booking-events";
import { journeyBuilder } from "../../testing/journey-builder";
import { foldEvents } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";
import { bookingJourney as J } from "./booking-journey";
import { bookingResume } from "./booking-resume";

const BK = "BK-9";
type Step = (b: ReturnType<typeof journeyBuilder>) => JourneyEvent;
const search: Step = (b) =>
  b.event(T.destinationsSearched, { query: "Malta", destination: "MLA", checkIn: "2027-07-01", checkOut: "2027-07-08", adults: 2, children: 0 });
const start: Step = (b) =>
  b.event(
    T.bookingStarted,
    {
      bookingId: BK,
      offerId: "OF-MLA-1",
      destination: "MLA",
      hotel: "Blue Bay",
      package: "half-board",
      checkIn: "2027-07-01",
      checkOut: "2027-07-08",
      adults: 2,
      children: 0,
      pricePerPerson: 1245,
    },
    { correlationid: BK },
  );
const travellers: Step = (b) => b.event(T.travellersAdded, { bookingId: BK, travellers: [{}, {}] }, { correlationid: BK });
const priced =
  (holdExpiresAt: string): Step =>
  (b) =>
    b.event(T.bookingPriced, { bookingId: BK, pricePerPerson: 1245, total: 2490, currency: "EUR", holdExpiresAt }, { correlationid: BK });
const expired: Step = (b) => b.event(T.sessionExpired, { idleMinutes: 30 });

function given(...steps: Step[]) {
  const b = journeyBuilder();
  return foldEvents(
    J,
    steps.map((s) => s(b)),
  );
}
const nothingLater = { repricings: [], bookingOutcome: null };
/** The resume page's list in the left-off card's words, without amounts and hold limits. */
const plain = (steps: string[]) => steps.map((s) => s.replace(/^Pay.*/, "Pay"));

describe("what remains follows from what no longer holds, the same on every card", () => {
  it("a hold that ran out before the session ended (the expiry came later): priced again, then pay — not 'Pay €2,490'", () => {
    const b = journeyBuilder();
    const events = [search, start, travellers, priced("2000-01-01T00:00:00Z"), expired].map((s) => s(b));
    const state = foldEvents(J, events);
    const point = J.resumePoint(state)!;
    expect(point.remaining).toEqual(["Get the booking priced", "Pay"]);
    expect(point.blockers).toEqual(["The offer's hold expired before payment: it must be priced again"]);
  });

  it("a hold still running when the session ended says until when; once it has run out the resume says the same steps", () => {
    const hold = "2027-06-01T10:20:00Z";
    const state = given(search, start, travellers, priced(hold));
    const point = J.resumePoint(state)!;
    expect(point.remaining).toEqual(["Pay €2,490 (price held until 1 Jun, 10:20 UTC)"]);
    const during = bookingResume(state, nothingLater, Date.parse(hold) - 60_000)!;
    expect(during.remaining).toEqual(plain(point.remaining));
    const after = bookingResume(state, nothingLater, Date.parse(hold) + 60_000)!;
    expect(after.noLongerHolds.map((n) => n.code)).toEqual(["hold_expired"]);
    expect(after.remaining).toEqual(["Get the booking priced", "Pay"]);
  });

  it("for every way an open booking stops, the left-off card and the resume page list the same steps (with no clock between them)", () => {
    const cases: Step[][] = [
      [start],
      [start, travellers],
      [start, travellers, priced("2027-06-01T10:20:00Z")],
      [start, travellers, priced("2000-01-01T00:00:00Z"), expired],
    ];
    for (const steps of cases) {
      const state = given(search, ...steps);
      const at = state.lastEventAt ?? 0;
      expect(bookingResume(state, nothingLater, at)!.remaining).toEqual(plain(J.resumePoint(state)!.remaining));
    }
  });
});
