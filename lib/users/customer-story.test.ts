import { describe, expect, it } from "vitest";
import { customerStory, storyInWords } from "./customer-story";

describe("one story per customer in search results", () => {
  it("an open booking wins over how the last visit ended: never both 'browsed' and 'open booking'", () => {
    const story = customerStory({ lastOutcome: "browsed", openBooking: { label: "Payment pending" } });
    expect(story).toEqual({ kind: "open-booking", step: "Payment pending" });
    expect(storyInWords(story)).toBe("open booking: payment pending");
  });

  it("reads the summary's stored open booking as it comes, a label missing or not text as unfinished", () => {
    expect(customerStory({ lastOutcome: "abandoned", openBooking: { step: "x" } })).toEqual({ kind: "open-booking", step: "unfinished" });
    expect(customerStory({ lastOutcome: "abandoned", openBooking: "text" })).toEqual({ kind: "outcome", outcome: "abandoned" });
  });

  it("a customer on the site now is live, whatever they left open", () => {
    expect(customerStory({ lastOutcome: "live", openBooking: { label: "Payment pending" } })).toEqual({ kind: "live" });
    expect(storyInWords({ kind: "live" })).toBe("on the site now");
  });

  it("otherwise the last visit's outcome, in the four words", () => {
    for (const outcome of ["completed", "abandoned", "browsed"]) {
      const story = customerStory({ lastOutcome: outcome, openBooking: null });
      expect(story).toEqual({ kind: "outcome", outcome });
      expect(storyInWords(story)).toBe(`last visit ${outcome}`);
    }
  });
});
