import { describe, expect, it } from "vitest";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { foldEvents, type JourneyDefinition } from "../journeys/journey-definition";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";
import { journeyBuilder } from "../testing/journey-builder";
import { SessionFold } from "./session-fold";

describe("SessionFold", () => {
  const b = journeyBuilder();
  const types = [T.destinationsSearched, T.offerViewed, T.offerSaved];
  const events = Array.from({ length: 257 }, (_, i) => b.event(types[i % 3]!, { query: `Q${i}`, hotel: `H${i}`, offerId: `O${i}`, pricePerPerson: i }));

  it("gives the state at any loaded event, whatever the chunks it arrived in", () => {
    const fold = new SessionFold(bookingJourney as JourneyDefinition<unknown>);
    fold.append(events.slice(0, 37));
    expect(fold.momentAt(40)).toBeNull();
    fold.append(events.slice(37, 150));
    fold.append(events.slice(150));
    expect(fold.loaded).toBe(257);
    for (const i of [0, 1, 99, 100, 101, 199, 200, 256]) {
      expect(fold.momentAt(i)!.state).toEqual(foldEvents(bookingJourney, events.slice(0, i + 1)));
    }
  });
});
