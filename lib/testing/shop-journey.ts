import type { JourneyDocument } from "../journeys/definition/definition-schema";
import type { JourneyEvent } from "../journeys/journey-event";

/** The example definition, as tests fold it (docs/journeys.md explains each field). */
export const SHOP_DOCUMENT: JourneyDocument = {
  name: "shop",
  label: "Shop visits",
  priority: 10,
  claims: { types: ["shop.*"], sources: ["*"] },
  boundaries: { signIn: ["shop.user.signed_in"], signOut: ["shop.user.signed_out"], expired: [] },
  steps: [
    { key: "viewed", label: "Viewed a product", when: { type: "shop.product.viewed" } },
    { key: "carted", label: "Added to cart", when: { type: "shop.cart.added" } },
    { key: "ordered", label: "Ordered", when: { type: "shop.order.completed" } },
  ],
  outcome: { completed: "ordered", abandonedAfter: "carted", labels: { completed: "Ordered" } },
  facts: [
    { key: "product", label: "Product", from: "data.productId", keep: "last" },
    { key: "items", label: "Items added", when: { type: "shop.cart.added" }, keep: "count" },
    { key: "value", label: "Order value", from: "data.total", keep: "sum" },
  ],
  describe: { "shop.product.viewed": "Viewed {data.name}", "*": "{type}" },
  dimensions: [{ key: "product", label: "Product", from: "data.productId", labelFrom: "data.name" }],
  dropReasons: [{ key: "declined", label: "Payment declined", when: { type: "shop.payment.failed", data: { reason: "card_declined" } } }],
  resume: { url: "https://shop.example/cart?product={facts.product}&t={token}" },
  people: { name: ["data.customer.name"], searchTerms: ["data.customer.email", "data.orderRef"] },
};

let position = 0;

/** A journey event with defaults; tests say what they are about. */
export function aJourneyEvent(type: string, data: unknown = {}, overrides: Partial<JourneyEvent> = {}): JourneyEvent {
  position += 1;
  return {
    position,
    type,
    source: "shop/web",
    subject: null,
    time: Date.UTC(2026, 5, 1, 10, 0, position),
    userid: null,
    anonymousid: null,
    sessionid: null,
    correlationid: null,
    causationid: null,
    data,
    ...overrides,
  };
}
