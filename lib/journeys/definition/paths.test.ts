import { describe, expect, it } from "vitest";
import { toJourneyEvent } from "../../eventstore/journey-events";
import { toJourneyEventFromJson } from "../../replay/from-cloud-event";
import { compilePath, isEventPath, parsePath, valuesAt, valueText } from "./paths";

const event = {
  type: "booking.travellers.added",
  source: "web",
  subject: "booking/BK-1",
  userid: "u-1",
  sessionid: "s-1",
  traceparent: "00-abc",
  data: { travellers: [{ name: "Ann" }, { name: "Bo" }, { age: 3 }], contact: { email: "a@b.c" }, zero: 0, none: null, list: [1, 2] },
};

describe("event paths", () => {
  describe("Happy path", () => {
    it.each([
      ["type", ["booking.travellers.added"]],
      ["source", ["web"]],
      ["subject", ["booking/BK-1"]],
      ["userid", ["u-1"]],
      ["sessionid", ["s-1"]],
      ["traceparent", ["00-abc"]],
      ["data.contact.email", ["a@b.c"]],
      ["data.travellers[*].name", ["Ann", "Bo"]],
      ["data.list[*]", [1, 2]],
      ["data.list", [[1, 2]]],
      ["data.zero", [0]],
      ["data.none", [null]],
    ])("%s yields %j", (path, values) => {
      expect(valuesAt(event, path)).toEqual(values);
      expect(compilePath(path)(event)).toEqual(values);
    });
  });

  describe("Sad path", () => {
    it.each(["data.missing", "data.contact.email.deeper", "data.travellers.name", "data.contact[*]", "anonymousid", "data.constructor", "data.__proto__"])(
      "%s yields nothing",
      (path) => expect(valuesAt(event, path)).toEqual([]),
    );
    it("yields nothing from a root that is not an object", () => {
      expect(valuesAt(null, "data.x")).toEqual([]);
      expect(valuesAt("text", "length")).toEqual([]);
    });
    it.each(["", "data..x", ".data", "data.", "data[0]", "data[*]x", "da ta"])("refuses %j as a path", (path) => {
      expect(isEventPath(path)).toBe(false);
      expect(() => parsePath(path)).toThrow(/not a path/);
    });
  });

  it("finds an extension attribute at the top level or in the event's extensions", () => {
    const stored = { type: "x", extensions: { comexample: "v", context: { page: { url: "/cart" } } }, data: {} };
    expect(valuesAt(stored, "comexample")).toEqual(["v"]);
    expect(valuesAt(stored, "context.page.url")).toEqual(["/cart"]);
    expect(valuesAt({ ...stored, comexample: "top" }, "comexample")).toEqual(["top"]);
    expect(valuesAt(stored, "data.comexample")).toEqual([]);
  });

  describe("on a journey event, as the readers build it from a stored row", () => {
    const row = {
      position: 7n,
      type: "shop.cart.added",
      source: "web",
      subject: null,
      occurredAt: new Date("2026-06-01T10:00:00Z"),
      userid: "u-1",
      anonymousid: null,
      sessionid: null,
      correlationid: null,
      causationid: null,
      dataJson: { productId: "p-1" },
      dataText: null,
      dataBase64: null,
      extensions: { traceparent: "00-abc-01", comexample: 42, segmentcontext: '{"page":{"url":"https://shop.example/cart"},"ip":"10.0.0.1"}' },
    };

    it("reads the event's extensions by name", () => {
      const event = toJourneyEvent(row);
      expect(valuesAt(event, "traceparent")).toEqual(["00-abc-01"]);
      expect(valuesAt(event, "comexample")).toEqual([42]);
      expect(valuesAt(event, "data.productId")).toEqual(["p-1"]);
    });

    it("reads into an extension kept as JSON text (Segment's context) when the path goes on past it", () => {
      const event = toJourneyEvent(row);
      expect(valuesAt(event, "segmentcontext.page.url")).toEqual(["https://shop.example/cart"]);
      expect(valuesAt(event, "segmentcontext")).toEqual([row.extensions.segmentcontext]);
      expect(valuesAt(event, "segmentcontext.missing")).toEqual([]);
      expect(valuesAt(toJourneyEvent({ ...row, extensions: { segmentcontext: "{not json" } }), "segmentcontext.page")).toEqual([]);
    });

    it("yields nothing for an extension the event does not have, or when it has none", () => {
      expect(valuesAt(toJourneyEvent(row), "comother")).toEqual([]);
      expect(toJourneyEvent({ ...row, extensions: null }).extensions).toBeNull();
      expect(valuesAt(toJourneyEvent({ ...row, extensions: null }), "traceparent")).toEqual([]);
    });

    it("reads the same extensions from a served CloudEvent (the player's blocks)", () => {
      const served = {
        specversion: "1.0",
        id: "e1",
        position: 7,
        type: "shop.cart.added",
        source: "web",
        time: "2026-06-01T10:00:00.000Z",
        recordedtime: "x",
        streamversion: 1,
        userid: "u-1",
        ...row.extensions,
        data: { productId: "p-1" },
      };
      const event = toJourneyEventFromJson(served);
      expect(event.extensions).toEqual(row.extensions);
      expect(valuesAt(event, "segmentcontext.page.url")).toEqual(["https://shop.example/cart"]);
      expect(valuesAt(event, "comexample")).toEqual([42]);
    });
  });

  it("writes found values as text, null as none", () => {
    expect([valueText("a"), valueText(2), valueText(true), valueText(null), valueText({ a: 1 }), valueText([1])]).toEqual([
      "a",
      "2",
      "true",
      null,
      '{"a":1}',
      "[1]",
    ]);
  });
});
