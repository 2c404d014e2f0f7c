import { describe, expect, it } from "vitest";
import { bookingJourney } from "../journeys/booking/booking-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { serviceLabel } from "./service-label";

const J = bookingJourney as JourneyDefinition<unknown>;
const full = (source: string) => source;

describe("the service an event is shown under", () => {
  it("is the one its type names when the journey believes it", () => {
    expect(serviceLabel(J, { type: "payment.payment.succeeded", source: "/holidays/payment" }, full)).toBe("payment");
    expect(serviceLabel(J, { type: "search.destinations.searched", source: "/holidays/search" }, full)).toBe("search");
  });

  it("is the source that sent it when the journey does not believe it, so a forged payment is not in the payment lane", () => {
    expect(serviceLabel(J, { type: "payment.payment.succeeded", source: "/holidays/search" }, full)).toBe("/holidays/search");
    expect(serviceLabel(J, { type: "search.destinations.searched", source: "/anywhere" }, full)).toBe("/anywhere");
    expect(serviceLabel(J, { type: "other.thing.happened", source: "/x/y" }, (s) => s.split("/").pop()!)).toBe("y");
  });
});
