import { describe, expect, it } from "vitest";
import type { ResumePoint } from "../journeys/journey-definition";
import type { JourneyResume } from "../resume/journey-resume";
import { leftOffNow } from "./left-off-now";

const point: ResumePoint = {
  step: "held",
  label: "Held a price",
  chosen: { offer: "Blue Bay Resort" },
  facts: { offer: "OF-1" },
  remaining: ["Pay €2,490 (price held until 2 Dec, 00:13 UTC)"],
  blockers: [],
};

const judged = (over: Partial<JourneyResume>): JourneyResume => ({
  canContinue: true,
  step: "held",
  stepLabel: "Held a price",
  facts: {},
  remaining: ["Get the booking priced again", "Pay"],
  noLongerHolds: [],
  ...over,
});

describe("leftOffNow", () => {
  it("says what remains now, as the Resume card does, once the hold has lapsed", () => {
    const lapsed = { code: "hold_expired", message: "the hold has run out", blocking: false };
    const out = leftOffNow(point, judged({ noLongerHolds: [lapsed] }));
    expect(out?.remaining).toEqual(["Get the booking priced again", "Pay"]);
    expect(out?.blockers).toEqual(["the hold has run out"]);
    expect(out?.chosen).toEqual(point.chosen);
  });

  it("leaves nothing to do when something blocking happened since", () => {
    const paid = { code: "booking_confirmed", message: "confirmed since", blocking: true };
    expect(leftOffNow(point, judged({ canContinue: false, noLongerHolds: [paid] }))).toMatchObject({ remaining: [], blockers: ["confirmed since"] });
  });

  it("keeps the folded point when there is no judgement, and null stays null", () => {
    expect(leftOffNow(point, null)).toBe(point);
    expect(leftOffNow(null, judged({}))).toBeNull();
  });
});
