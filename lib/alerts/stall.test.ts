import { describe, expect, it } from "vitest";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { initialBookingState } from "../journeys/booking/booking-state";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { ruleFires, stallOf, type StallCandidate } from "./stall";

const journey = bookingJourney as unknown as JourneyDefinition<unknown>;
const rule = { journey: "holiday-booking", step: "priced", dropReason: null, afterMinutes: 30 };
const at = Date.parse("2026-06-01T10:00:00Z");
const session = (over: Partial<StallCandidate> = {}): StallCandidate => ({
  journey: "holiday-booking",
  funnelDepth: 5,
  outcome: "abandoned",
  endReason: "timed_out",
  dropReason: "timed_out",
  finalState: initialBookingState(),
  lastRecordedAt: at,
  ...over,
});

describe("when a rule fires for a session", () => {
  it("given a session stopped at the rule's step, fires once its minutes of recorded time have passed, not a millisecond before", () => {
    expect(ruleFires(rule, journey, session(), at + 30 * 60_000 - 1)).toBeNull();
    expect(ruleFires(rule, journey, session(), at + 30 * 60_000)).toEqual({
      step: "priced",
      stepLabel: "Priced",
      dropReason: "timed_out",
      dropReasonLabel: "Inactive",
    });
  });

  it("the step is the last one reached in order: a session one step short or further on does not fire", () => {
    expect(ruleFires(rule, journey, session({ funnelDepth: 4 }), at + 3_600_000)).toBeNull();
    expect(ruleFires(rule, journey, session({ funnelDepth: 6 }), at + 3_600_000)).toBeNull();
    expect(ruleFires(rule, journey, session({ funnelDepth: 0 }), at + 3_600_000)).toBeNull();
  });

  it("a completed session, another journey, or another drop reason never fires", () => {
    expect(ruleFires(rule, journey, session({ outcome: "completed" }), at + 3_600_000)).toBeNull();
    expect(ruleFires(rule, journey, session({ journey: "shop" }), at + 3_600_000)).toBeNull();
    expect(ruleFires({ ...rule, dropReason: "signed_out" }, journey, session(), at + 3_600_000)).toBeNull();
  });

  it("a session still open has the drop reason it would get if it timed out now, so a rule naming it fires while it is open", () => {
    const open = session({ endReason: "open", outcome: "live", dropReason: null });
    const expected = journey.dropReason(open.finalState, journey.outcome(open.finalState, false), "timed_out");
    expect(expected).toEqual(expect.any(String));
    expect(stallOf(journey, open)?.dropReason).toBe(expected);
    expect(ruleFires({ ...rule, dropReason: expected }, journey, open, at + 3_600_000)?.step).toBe("priced");
  });
});
