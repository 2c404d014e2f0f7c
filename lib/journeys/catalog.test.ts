import { describe, expect, it } from "vitest";
import { SHOP_DOCUMENT } from "../testing/shop-journey";
import { bookingJourney } from "./booking/booking-journey";
import { builtInCatalog, catalogOf } from "./catalog";
import { dataJourney } from "./definition/data-journey";
import type { JourneyDocument } from "./definition/definition-schema";

const journey = (name: string, priority: number, types: string[], sources = ["*"]) =>
  dataJourney({ ...SHOP_DOCUMENT, name, priority, claims: { types, sources } } as JourneyDocument);
const e = (type: string, source = "web") => ({ type, source });

describe("a catalog of journeys", () => {
  it("lists journeys by priority, highest first, then by name", () => {
    const catalog = catalogOf([journey("b", 1, ["x"]), journey("c", 5, ["x"]), journey("a", 1, ["x"]), bookingJourney as never]);
    expect(catalog.journeys.map((j) => j.name)).toEqual(["c", "a", "b", "holiday-booking"]);
  });

  it("gives an event to the claimant of highest priority, then the first by name", () => {
    const catalog = catalogOf([journey("zeta", 5, ["shop.*"]), journey("alpha", 5, ["shop.cart.*"]), journey("low", 1, ["*"])]);
    expect(catalog.claimantOf(e("shop.cart.added"))?.name).toBe("alpha");
    expect(catalog.claimantOf(e("shop.order.completed"))?.name).toBe("zeta");
    expect(catalog.claimantOf(e("crm.note"))?.name).toBe("low");
    expect(catalogOf([journey("a", 0, ["shop.*"], ["shop/*"])]).claimantOf(e("shop.x", "crm"))).toBeNull();
  });

  it("gives a session the journey claiming its first claimed event, otherwise generic", () => {
    const catalog = catalogOf([journey("shop", 10, ["shop.*"]), bookingJourney as never]);
    expect(catalog.journeyOf([e("page.viewed"), e("search.destinations.searched"), e("shop.cart.added")]).name).toBe("holiday-booking");
    expect(catalog.journeyOf([e("page.viewed"), e("shop.cart.added"), e("search.destinations.searched")]).name).toBe("shop");
    expect(catalog.journeyOf([e("page.viewed")]).name).toBe("generic");
    expect(catalog.journeyOf([]).name).toBe("generic");
  });

  it("answers a journey by name, the generic one too", () => {
    expect(builtInCatalog.byName("holiday-booking")).toBe(bookingJourney);
    expect(builtInCatalog.byName("generic")?.name).toBe("generic");
    expect(builtInCatalog.byName("shop")).toBeNull();
  });

  it("unites every journey's boundaries", () => {
    const catalog = catalogOf([dataJourney(SHOP_DOCUMENT), bookingJourney as never]);
    expect(catalog.boundaryOf("shop.user.signed_in")).toBe("sign_in");
    expect(catalog.boundaryOf("identity.user.signed_out")).toBe(bookingJourney.boundary("identity.user.signed_out"));
    expect(catalog.boundaryOf("shop.cart.added")).toBeNull();
  });

  it("finds search terms through the event's claimant", () => {
    const catalog = catalogOf([dataJourney(SHOP_DOCUMENT)]);
    const order = {
      ...e("shop.order.completed"),
      position: 1,
      subject: null,
      time: 0,
      userid: null,
      anonymousid: null,
      sessionid: null,
      correlationid: null,
      causationid: null,
    };
    expect(catalog.searchTermsOf({ ...order, data: { orderRef: "OR-1" } })).toEqual([{ term: "or-1", kind: "booking" }]);
    expect(catalog.searchTermsOf({ ...order, type: "crm.note", data: { orderRef: "OR-1" } })).toEqual([]);
  });

  it("refuses two journeys of one name, and the generic journey's name", () => {
    expect(() => catalogOf([journey("a", 1, ["x"]), journey("a", 2, ["y"])])).toThrow(/two journeys are named "a"/);
    expect(() => catalogOf([journey("generic", 1, ["x"])])).toThrow(/generic/);
  });
});
