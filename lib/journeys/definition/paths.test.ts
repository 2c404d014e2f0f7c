import { describe, expect, it } from "vitest";
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
