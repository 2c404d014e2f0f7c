import { describe, expect, it } from "vitest";
import { continueUrlOf, hasContinueTarget } from "./continue-url";
import type { JourneyResume } from "./journey-resume";

const BOOKING_TEMPLATE = "https://book.example/resume?b={bookingId}&o={offerId}&a={adults}&x={extras}&t={token}";

const shop: JourneyResume = {
  canContinue: true,
  step: "carted",
  stepLabel: "Added to cart",
  facts: { product: "p 42&size=XL", items: "2" },
  remaining: ["Ordered"],
  noLongerHolds: [],
};
const values = { userKey: "cus_0123456789abcdef0123", sessionId: "s/1", token: "abc.def" };

describe("where Continue goes", () => {
  it("fills a journey's resume URL: facts, the customer, the session and the token, each URL-encoded", () => {
    const target = {
      resumeUrl: "https://shop.example/cart?product={facts.product}&n={facts.items}&u={userid}&s={sessionid}&t={token}",
      bookingTemplate: BOOKING_TEMPLATE,
    };
    expect(continueUrlOf(shop, target, values)).toBe("https://shop.example/cart?product=p%2042%26size%3DXL&n=2&u=cus_0123456789abcdef0123&s=s%2F1&t=abc.def");
  });

  it("fills a fact the session does not have as empty", () => {
    expect(continueUrlOf(shop, { resumeUrl: "https://shop.example/?v={facts.value}", bookingTemplate: BOOKING_TEMPLATE }, values)).toBe(
      "https://shop.example/?v=",
    );
  });

  it("sends the booking journey to the server's template, filled from its draft", () => {
    const booking: JourneyResume = {
      ...shop,
      chosen: {
        destination: "Lisbon (LIS)",
        destinationCode: "LIS",
        offerId: "off 1",
        hotel: null,
        package: null,
        checkIn: null,
        checkOut: null,
        adults: 2,
        children: 0,
        extras: ["TRF", "INS"],
        pricePerPerson: null,
        total: null,
        currency: "EUR",
        bookingId: "BK-1",
      },
    };
    expect(continueUrlOf(booking, { bookingTemplate: BOOKING_TEMPLATE }, values)).toBe(
      "https://book.example/resume?b=BK-1&o=off%201&a=2&x=TRF%2CINS&t=abc.def",
    );
    expect(hasContinueTarget(booking, { bookingTemplate: BOOKING_TEMPLATE })).toBe(true);
    // The booking system gets the destination's code, not the place's name people read.
    expect(continueUrlOf(booking, { bookingTemplate: "https://book.example/?d={destination}" }, values)).toBe("https://book.example/?d=LIS");
  });

  it("goes nowhere when nothing can be continued, or the journey has no resume URL", () => {
    const target = { resumeUrl: "https://shop.example/?t={token}", bookingTemplate: BOOKING_TEMPLATE };
    expect(continueUrlOf({ ...shop, canContinue: false }, target, values)).toBeNull();
    expect(continueUrlOf(shop, { bookingTemplate: BOOKING_TEMPLATE }, values)).toBeNull();
    expect(hasContinueTarget(shop, { bookingTemplate: BOOKING_TEMPLATE })).toBe(false);
    expect(hasContinueTarget(shop, target)).toBe(true);
  });
});
