import { describe, expect, it } from "vitest";
import { compileWhen } from "./when";

const e = (type: string, data: unknown = {}, source = "shop/web") => ({ type, source, data });

describe("when", () => {
  it("matches every event when no condition is given", () => {
    expect(compileWhen(undefined)(e("x"))).toBe(true);
    expect(compileWhen({})(e("x"))).toBe(true);
  });

  it("reads type and source as globs, * spanning dots", () => {
    const when = compileWhen({ type: "shop.*", source: "shop/*" });
    expect(when(e("shop.cart.added"))).toBe(true);
    expect(when(e("shop"))).toBe(false);
    expect(when(e("shop.cart.added", {}, "other/web"))).toBe(false);
    expect(compileWhen({ type: "shop.cart.added" })(e("shop.cart.added.extra"))).toBe(false);
  });

  it("holds a data value to equality, without coercion", () => {
    const when = compileWhen({ data: { reason: "card_declined", "card.n": 2 } });
    expect(when(e("x", { reason: "card_declined", card: { n: 2 } }))).toBe(true);
    expect(when(e("x", { reason: "card_declined", card: { n: "2" } }))).toBe(false);
    expect(when(e("x", { reason: "other", card: { n: 2 } }))).toBe(false);
    expect(compileWhen({ data: { v: null } })(e("x", { v: null }))).toBe(true);
    expect(compileWhen({ data: { v: null } })(e("x", {}))).toBe(false);
  });

  it("holds a value to one of a list", () => {
    const when = compileWhen({ data: { country: { in: ["PT", "ES", 3] } } });
    expect(when(e("x", { country: "ES" }))).toBe(true);
    expect(when(e("x", { country: 3 }))).toBe(true);
    expect(when(e("x", { country: "FR" }))).toBe(false);
    expect(when(e("x", {}))).toBe(false);
  });

  it("asks whether a value exists or not", () => {
    expect(compileWhen({ data: { coupon: { exists: true } } })(e("x", { coupon: "" }))).toBe(true);
    expect(compileWhen({ data: { coupon: { exists: true } } })(e("x", {}))).toBe(false);
    expect(compileWhen({ data: { coupon: { exists: false } } })(e("x", {}))).toBe(true);
    expect(compileWhen({ data: { coupon: { exists: false } } })(e("x", "not an object"))).toBe(true);
  });

  it("holds through [*] when any element does", () => {
    const when = compileWhen({ data: { "items[*].sku": "B" } });
    expect(when(e("x", { items: [{ sku: "A" }, { sku: "B" }] }))).toBe(true);
    expect(when(e("x", { items: [{ sku: "A" }] }))).toBe(false);
  });

  it("needs every condition given to hold", () => {
    const when = compileWhen({ type: "shop.payment.failed", data: { reason: "card_declined" } });
    expect(when(e("shop.payment.failed", { reason: "card_declined" }))).toBe(true);
    expect(when(e("shop.payment.failed", { reason: "timeout" }))).toBe(false);
    expect(when(e("shop.payment.ok", { reason: "card_declined" }))).toBe(false);
  });
});

describe("when, on data that has an extensions field of its own", () => {
  it("reads data paths in the data only", () => {
    const when = compileWhen({ data: { reason: "x" } });
    expect(when({ type: "t", source: "s", data: { extensions: { reason: "x" } } })).toBe(false);
    expect(when({ type: "t", source: "s", data: { reason: "x" } })).toBe(true);
  });
});
