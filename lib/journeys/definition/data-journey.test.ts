import { describe, expect, it } from "vitest";
import { aJourneyEvent as ev, SHOP_DOCUMENT } from "../../testing/shop-journey";
import { foldEvents } from "../journey-definition";
import type { JourneyDocument } from "./definition-schema";
import { dataJourney } from "./data-journey";

const shop = dataJourney(SHOP_DOCUMENT);
const fold = (events: ReturnType<typeof ev>[], journey = shop) => foldEvents(journey, events);
const viewed = (productId = "p1", name = "Red shoes") => ev("shop.product.viewed", { productId, name });
const carted = (productId = "p1") => ev("shop.cart.added", { productId });
const ordered = (total: unknown = 30) => ev("shop.order.completed", { total });

describe("a journey described as data", () => {
  describe("claims", () => {
    it("claims an event whose type matches a claimed type and whose source a claimed source", () => {
      expect(shop.claims({ type: "shop.cart.added", source: "anything" })).toBe(true);
      expect(shop.claims({ type: "search.performed", source: "anything" })).toBe(false);
      const narrow = dataJourney({ ...SHOP_DOCUMENT, claims: { types: ["shop.*"], sources: ["shop/*"] } });
      expect(narrow.claims({ type: "shop.cart.added", source: "shop/web" })).toBe(true);
      expect(narrow.claims({ type: "shop.cart.added", source: "crm" })).toBe(false);
    });
    it("names its boundaries", () => {
      expect(["shop.user.signed_in", "shop.user.signed_out", "shop.cart.added"].map(shop.boundary)).toEqual(["sign_in", "sign_out", null]);
      const expiring = dataJourney({ ...SHOP_DOCUMENT, boundaries: { expired: ["shop.session.*"] } });
      expect(expiring.boundary("shop.session.expired")).toBe("expired");
    });
  });

  describe("steps, in order", () => {
    it("reaches each step at its first match after the step before", () => {
      expect(shop.funnelReached(fold([viewed(), carted(), ordered()]))).toEqual(["viewed", "carted", "ordered"]);
    });
    it("does not reach a step matched before the step before it was reached", () => {
      const state = fold([carted(), ordered(), viewed()]);
      expect(shop.funnelReached(state)).toEqual(["viewed"]);
      expect(shop.funnelReached(fold([carted(), ordered(), viewed(), carted()]))).toEqual(["viewed", "carted"]);
    });
    it("changes nothing on a later match of an earlier step", () => {
      const state = fold([viewed(), carted()]);
      expect(shop.evolve(state, viewed("p2")).reached).toBe(2);
      expect(shop.funnelReached(fold([viewed(), viewed(), carted(), viewed(), carted()]))).toEqual(["viewed", "carted"]);
    });
    it("lists the steps still to do from the resume point", () => {
      const point = shop.resumePoint(fold([viewed("p1"), carted("p1")]));
      expect(point).toEqual({
        step: "carted",
        label: "Added to cart",
        chosen: { Product: "p1", "Items added": "1" },
        facts: { product: "p1", items: "1" },
        remaining: ["Ordered"],
        blockers: [],
      });
      expect(shop.resumePoint(fold([]))).toBeNull();
      expect(shop.resumePoint(fold([viewed(), carted(), ordered()]))).toBeNull();
      expect(shop.resumeUrl).toBe(SHOP_DOCUMENT.resume!.url);
    });
  });

  describe("outcome precedence: completed > live > abandoned > browsed", () => {
    it.each([
      [[viewed(), carted(), ordered()], true, "completed"],
      [[viewed(), carted(), ordered()], false, "completed"],
      [[viewed(), carted()], true, "live"],
      [[], true, "live"],
      [[viewed(), carted()], false, "abandoned"],
      [[viewed()], false, "browsed"],
      [[], false, "browsed"],
    ] as const)("%# → %s", (events, open, outcome) => {
      expect(shop.outcome(fold([...events]), open)).toBe(outcome);
    });
    it("counts a step after abandonedAfter as abandoned, and never abandons without abandonedAfter", () => {
      const doc: JourneyDocument = { ...SHOP_DOCUMENT, outcome: { completed: "ordered", abandonedAfter: "viewed" } };
      expect(dataJourney(doc).outcome(fold([viewed(), carted()]), false)).toBe("abandoned");
      const never = dataJourney({ ...SHOP_DOCUMENT, outcome: { completed: "ordered" } });
      expect(never.outcome(fold([viewed(), carted()], never), false)).toBe("browsed");
    });
    it("labels outcomes in the journey's words where it has them", () => {
      expect(shop.outcomeLabel(null as never, "completed")).toBe("Ordered");
      expect(shop.outcomeLabel(null as never, "abandoned")).toBe("abandoned");
    });
  });

  describe("facts", () => {
    const journey = (keep: NonNullable<JourneyDocument["facts"]>[number]["keep"], from: string | null = "data.v", when?: { type: string }) =>
      dataJourney({ ...SHOP_DOCUMENT, facts: [{ key: "f", label: "F", keep, ...(from ? { from } : {}), ...(when ? { when } : {}) }] });
    const values = [ev("a", { v: 3 }), ev("b", { v: "x" }), ev("a", {}), ev("b", { v: 1 }), ev("a", { v: "x" }), ev("a", { v: 7 }), ev("a", { v: null })];
    it.each([
      ["last", "7"],
      ["first", "3"],
      ["count", 6], // with a path: the events that have a value there (null is a value)
      ["sum", 11],
      ["max", 7],
      ["min", 1],
      ["set", ["3", "x", "1", "7"]],
    ] as const)("keep %s", (keep, expected) => {
      expect(foldEvents(journey(keep), values).facts.f).toEqual(expected);
    });
    it("feeds a fact only from events matching its when", () => {
      expect(foldEvents(journey("sum", "data.v", { type: "a" }), values).facts.f).toBe(10);
      expect(foldEvents(journey("count", null), values).facts.f).toBe(7);
      expect(foldEvents(journey("count", null, { type: "b" }), values).facts.f).toBe(2);
    });
    it("leaves a fact unset when its path is never there, and sum/max/min ignore non-numbers", () => {
      expect(foldEvents(journey("last", "data.nowhere"), values).facts.f).toBeUndefined();
      expect(foldEvents(journey("sum"), [ev("a", { v: "12" }), ev("a", { v: true })]).facts.f).toBeUndefined();
      expect(shop.facts(fold([viewed()]))).toEqual({ step: "Viewed a product", Product: "p1" });
    });
    it("reads every element through [*]", () => {
      const j = journey("set", "data.items[*].sku");
      expect(foldEvents(j, [ev("a", { items: [{ sku: "A" }, { sku: "B" }] }), ev("a", { items: [{ sku: "A" }, { sku: "C" }] })]).facts.f).toEqual([
        "A",
        "B",
        "C",
      ]);
    });
    it("keeps a long value whole or by its length, never cut", () => {
      const long = "x".repeat(3_000);
      expect(foldEvents(journey("last"), [ev("a", { v: long })]).facts.f).toBe("[3,000 characters]");
      expect(String(foldEvents(journey("last"), [ev("a", { v: "y".repeat(2_000) })]).facts.f)).toHaveLength(2_000);
    });
    it("folds in one pass or from a snapshot to the same plain-JSON state", () => {
      const events = [viewed(), carted(), ev("shop.payment.failed", { reason: "card_declined" }), carted("p2"), ordered(12.5)];
      const whole = fold(events);
      const snapshot = JSON.parse(JSON.stringify(foldEvents(shop, events.slice(0, 2))));
      expect(foldEvents(shop, events.slice(2), snapshot)).toEqual(whole);
      expect(whole).toEqual({ reached: 3, facts: { product: "p2", items: 2, value: 12.5 }, drop: "declined" });
    });
  });

  describe("drop reasons", () => {
    const doc: JourneyDocument = {
      ...SHOP_DOCUMENT,
      dropReasons: [
        { key: "failed", label: "Payment failed", when: { type: "shop.payment.failed" } },
        { key: "declined", label: "Payment declined", when: { type: "shop.payment.failed", data: { reason: "card_declined" } } },
        { key: "left", label: "Left the cart", when: { type: "shop.cart.removed" } },
      ],
    };
    const j = dataJourney(doc);
    const failed = (reason: string) => ev("shop.payment.failed", { reason });
    it("is the entry matched by the latest matching event", () => {
      expect(j.dropReason(foldEvents(j, [viewed(), failed("timeout"), ev("shop.cart.removed")]), "browsed", "timed_out")).toBe("left");
      expect(j.dropReason(foldEvents(j, [viewed(), ev("shop.cart.removed"), failed("timeout")]), "browsed", "timed_out")).toBe("failed");
    });
    it("breaks a tie by the later entry of the list", () => {
      expect(j.dropReason(foldEvents(j, [failed("card_declined")]), "abandoned", "timed_out")).toBe("declined");
    });
    it("falls back to the end reason as a key, an open session closed by the clock having timed out", () => {
      const state = foldEvents(j, [viewed()]);
      expect(["timed_out", "signed_out", "expired", "superseded", "open"].map((r) => j.dropReason(state, "browsed", r as never))).toEqual([
        "timed_out",
        "signed_out",
        "expired",
        "superseded",
        "timed_out",
      ]);
    });
    it("gives none to completed and live sessions", () => {
      const state = foldEvents(j, [failed("card_declined")]);
      expect(j.dropReason(state, "completed", "timed_out")).toBeNull();
      expect(j.dropReason(state, "live", "open")).toBeNull();
    });
  });

  describe("dimensions", () => {
    it("has per dimension the distinct values at from, in order, with a label from labelFrom", () => {
      const events = [ev("shop.product.viewed", { productId: "p1" }), viewed("p2", "Blue hat"), viewed("p1", "Red shoes"), ev("x", { productId: 7 })];
      expect(shop.dimensionValues(fold(events), events)).toEqual({
        product: [
          { value: "p1", label: "Red shoes" },
          { value: "p2", label: "Blue hat" },
          { value: "7", label: null },
        ],
      });
    });
    it("reads only the events matching its when", () => {
      const j = dataJourney({ ...SHOP_DOCUMENT, dimensions: [{ key: "bought", label: "Bought", from: "data.productId", when: { type: "shop.cart.*" } }] });
      const events = [viewed("p1"), carted("p2")];
      expect(j.dimensionValues(foldEvents(j, events), events)).toEqual({ bought: [{ value: "p2", label: null }] });
      expect(j.dimensions).toEqual([{ key: "bought", label: "Bought" }]);
    });
  });

  describe("describe", () => {
    const j = dataJourney({
      ...SHOP_DOCUMENT,
      describe: {
        "shop.*": "Shop: {type}",
        "shop.product.*": "Product {data.productId}",
        "shop.product.viewed": "Viewed {data.name}",
        "*": "{type} {data.none}",
      },
    });
    it("takes the most specific template: the type itself, then the longest literal text, then the first written", () => {
      expect(j.describe(viewed("p1", "Red shoes"))).toBe("Viewed Red shoes");
      expect(j.describe(ev("shop.product.rated", { productId: "p9" }))).toBe("Product p9");
      expect(j.describe(ev("shop.cart.added"))).toBe("Shop: shop.cart.added");
      expect(j.describe(ev("crm.note"))).toBe("crm.note —");
      const tie = dataJourney({ ...SHOP_DOCUMENT, describe: { "a.*": "first", "*.b": "second" } });
      expect(tie.describe(ev("a.b"))).toBe("first");
    });
    it("falls back to the generic words when no template matches, and cuts values for display only", () => {
      const none = dataJourney({ ...SHOP_DOCUMENT, describe: {} });
      expect(none.describe(ev("shop.cart.added", { productId: "p1" }))).toBe("shop.cart.added (productId: p1)");
      expect(shop.describe(viewed("p1", "n".repeat(100)))).toBe(`Viewed ${"n".repeat(80)}…`);
    });
  });

  describe("people", () => {
    it("finds the person's name and the words to search them by at the people paths", () => {
      const e = ev("shop.order.completed", { customer: { name: " Ann  Lee ", email: "Ann@Example.com" }, orderRef: "OR-77", phone: "+351 912 345 678" });
      expect(shop.personName(e)).toBe(" Ann  Lee ");
      expect(shop.searchTerms(e)).toEqual([
        { term: "ann lee", kind: "name" },
        { term: "ann@example.com", kind: "email" },
        { term: "or-77", kind: "booking" },
      ]);
      expect(shop.personalPaths).toEqual(["data.customer.name", "data.customer.email", "data.orderRef"]);
      expect(shop.personName(ev("x"))).toBeNull();
    });
  });
});
