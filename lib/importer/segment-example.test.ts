import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { validateJourneyDocument } from "../journeys/definition/definition-schema";
import { dataJourney } from "../journeys/definition/data-journey";
import { fillResumeUrl } from "../journeys/definition/templates";
import { foldEvents } from "../journeys/journey-definition";
import type { JourneyEvent } from "../journeys/journey-event";

/** journeys/examples/segment-ecommerce.json over sessions as Segment's libraries send them (properties as data, the event name as type). */
const result = validateJourneyDocument(JSON.parse(readFileSync(join(__dirname, "../../journeys/examples/segment-ecommerce.json"), "utf8")));
if (!result.ok) throw new Error(JSON.stringify(result.errors));
const shop = dataJourney(result.document);

let position = 0;
const track = (type: string, properties: Record<string, unknown>): JourneyEvent => {
  position += 1;
  return {
    position,
    type,
    source: "segment",
    subject: "segment/u-42",
    time: Date.parse("2026-06-01T10:00:00Z") + position * 60_000,
    userid: "u-42",
    anonymousid: null,
    sessionid: null,
    correlationid: null,
    causationid: null,
    data: properties,
  };
};

const monopoly = { product_id: "507f1f77bcf86cd799439011", sku: "G-32", category: "Games", name: "Monopoly: 3rd Edition", brand: "Hasbro", price: 18.99 };
const searched = track("Products Searched", { query: "monopoly" });
const viewed = track("Product Viewed", monopoly);
const added = track("Product Added", { ...monopoly, cart_id: "skdjsidjsdkdj29j", quantity: 1 });
const checkout = track("Checkout Started", { order_id: "50314b8e9bcf000000000000", value: 18.99, currency: "USD", products: [monopoly] });
const denied = track("Coupon Denied", { order_id: "50314b8e9bcf000000000000", coupon_name: "SUMMER", reason: "expired" });
const payment = track("Payment Info Entered", { checkout_id: "39f39fj39f3f", order_id: "50314b8e9bcf000000000000", payment_method: "Visa" });
const completed = track("Order Completed", { order_id: "50314b8e9bcf000000000000", revenue: 18.99, total: 21.5, currency: "USD", products: [monopoly] });

describe("the Segment e-commerce example", () => {
  it("completes a session that went through the spec's six steps in order, keeping the order's facts and products", () => {
    const events = [searched, viewed, added, checkout, denied, payment, completed];
    const state = foldEvents(shop, events);
    expect(shop.funnelReached(state)).toEqual(["searched", "viewed", "added", "checkout", "payment", "ordered"]);
    expect(shop.outcome(state, false)).toBe("completed");
    expect(shop.outcomeLabel(state, "completed")).toBe("Ordered");
    expect(shop.dropReason(state, "completed", "timed_out")).toBeNull();
    expect(shop.resumePoint(state)).toBeNull();
    expect(shop.dimensionValues(state, events)).toMatchObject({
      product: [{ value: monopoly.product_id, label: monopoly.name }],
      category: [{ value: "Games", label: null }],
      "ordered-product": [{ value: monopoly.product_id, label: null }],
      "payment-method": [{ value: "Visa", label: null }],
    });
    expect(shop.describe(denied)).toBe("Coupon SUMMER refused: expired");
  });

  it("calls a cart left at checkout abandoned, dropped for the refused coupon, with a resume link to the cart", () => {
    const events = [searched, viewed, added, checkout, denied];
    const state = foldEvents(shop, events);
    expect(shop.outcome(state, false)).toBe("abandoned");
    expect(shop.outcome(state, true)).toBe("live");
    expect(shop.dropReason(state, "abandoned", "timed_out")).toBe("coupon-denied");
    const point = shop.resumePoint(state)!;
    expect(point).toMatchObject({ step: "checkout", remaining: ["Entered payment details", "Completed the order"] });
    expect(fillResumeUrl(shop.resumeUrl!, { facts: point.facts, userid: "ref-1", sessionid: "s-1", token: "t 1" })).toBe(
      "https://shop.example/cart?cart=skdjsidjsdkdj29j&product=507f1f77bcf86cd799439011&t=t%201",
    );
  });

  it("calls a visit that never added to the cart browsed, and leaves page and identify calls to other journeys", () => {
    const state = foldEvents(shop, [searched, viewed]);
    expect(shop.outcome(state, false)).toBe("browsed");
    expect(shop.dropReason(state, "browsed", "signed_out")).toBe("signed_out");
    expect(shop.claims({ type: "page", source: "segment" })).toBe(false);
    expect(shop.claims({ type: "identify", source: "segment" })).toBe(false);
    expect(shop.claims({ type: "Order Completed", source: "my-store" })).toBe(true);
    expect(shop.boundary("Signed In")).toBe("sign_in");
  });
});
