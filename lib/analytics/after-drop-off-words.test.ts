import { describe, expect, it } from "vitest";
import { bookingJourney } from "../journeys/booking/booking-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { afterDropWords } from "./after-drop-off-words";

const journey = bookingJourney as JourneyDefinition<unknown>;

describe("the sessions page's words for a figure after a drop-off", () => {
  it("says which session of each customer is listed", () => {
    expect(afterDropWords("dropped", { step: "Viewed an offer" }, journey)).toBe("that were each customer's first drop-off after “Viewed an offer”");
    expect(afterDropWords("back-1", { step: "Priced" }, journey)).toBe(
      "that were each customer's next session after dropping off after “Priced”, within 1 day",
    );
    expect(afterDropWords("back-30", { step: "Priced" }, journey)).toMatch(/within 30 days$/);
    expect(afterDropWords("completed", { step: "Priced" }, journey)).toBe(
      "that were each customer's first later session that completed, after dropping off after “Priced”",
    );
  });

  it("names a path and a graph node in the journey's words", () => {
    expect(afterDropWords("path:search>view_offer>end:completed", { step: "Priced" }, journey)).toBe(
      "that were each customer's next session after dropping off after “Priced”, and went Searched → Viewed an offer and ended booked",
    );
    expect(afterDropWords("through:0:search~1:view_offer", { step: "Priced" }, journey)).toMatch(/, through Searched → Viewed an offer$/);
    expect(afterDropWords("through:end:browsed", { step: "Priced" }, journey)).toMatch(/, through ended browsed$/);
  });

  it("says a segment's sessions by the segment's name", () => {
    expect(afterDropWords("dropped", { segment: "Card declined" }, journey)).toBe("that were each customer's first session in the segment “Card declined”");
    expect(afterDropWords("back-7", { segment: "Card declined" }, journey)).toBe(
      "that were each customer's next session after their first session in the segment “Card declined”, within 7 days",
    );
  });
});
