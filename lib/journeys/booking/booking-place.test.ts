import { describe, expect, it } from "vitest";
import { EVENT_TYPES as T } from "./booking-events";
import { journeyBuilder } from "../../testing/journey-builder";
import { foldEvents } from "../journey-definition";
import type { JourneyEvent } from "../journey-event";
import { bookingJourney as J } from "./booking-journey";
import { bookingResume } from "./booking-resume";

const BK = "BK-7";
type Step = (b: ReturnType<typeof journeyBuilder>) => JourneyEvent;

const searchLisbon: Step = (b) =>
  b.event(T.destinationsSearched, { query: "Lisbon", destination: "LIS", checkIn: "2026-06-12", checkOut: "2026-06-19", adults: 2, children: 0 });
const maltaPage: Step = (b) => b.event(T.destinationViewed, { destination: "MLA", name: "Malta" });
const startMalta: Step = (b) =>
  b.event(
    T.bookingStarted,
    {
      bookingId: BK,
      offerId: "OF-MLA-2",
      destination: "MLA",
      hotel: "Blue Bay Malta",
      package: "all-inclusive",
      checkIn: "2026-07-01",
      checkOut: "2026-07-08",
      adults: 2,
      children: 0,
      pricePerPerson: 900,
    },
    { correlationid: BK },
  );

function given(...steps: Step[]) {
  const b = journeyBuilder();
  return foldEvents(
    J,
    steps.map((s) => s(b)),
  );
}

const nothingLater = { repricings: [], bookingOutcome: null };
const NOW = Date.parse("2026-06-01T10:00:00Z");

describe("one destination, named as a place", () => {
  it("searched Lisbon, then booked Malta: every view of the fold says Malta (MLA)", () => {
    const state = given(searchLisbon, maltaPage, startMalta);
    expect(J.facts(state).destination).toBe("Malta (MLA)");
    expect(J.resumePoint(state)!.chosen.destination).toBe("Malta (MLA)");
    expect(bookingResume(state, nothingLater, NOW)!.chosen.destination).toBe("Malta (MLA)");
    expect(J.dimensionValues(state, []).destination).toEqual([{ value: "MLA", label: "Malta (MLA)" }]);
  });

  it("before any booking, the search's destination, named by the words it was searched with", () => {
    const state = given(searchLisbon);
    expect(J.facts(state).destination).toBe("Lisbon (LIS)");
    expect(J.dimensionValues(state, []).destination).toEqual([{ value: "LIS", label: "Lisbon (LIS)" }]);
  });

  it("a code no event named stays a code (never guessed from a catalogue)", () => {
    const state = given(startMalta);
    expect(J.facts(state).destination).toBe("MLA");
    expect(J.dimensionValues(state, []).destination).toEqual([{ value: "MLA", label: null }]);
  });

  it("a destination page's name wins over the search's words", () => {
    const state = given(
      (b) => b.event(T.destinationsSearched, { query: "malt", destination: "MLA", checkIn: "2026-07-01", checkOut: "2026-07-08", adults: 1, children: 0 }),
      maltaPage,
    );
    expect(J.facts(state).destination).toBe("Malta (MLA)");
  });

  it("a snapshot folded before places were learned still names what it can", () => {
    const { places: _dropped, ...old } = given(searchLisbon, maltaPage, startMalta);
    expect(J.facts(old as never).destination).toBe("MLA");
  });
});
