import { describe, expect, it } from "vitest";
import { validateBinaryEvent } from "./binary-mode";
import { eventShapeProblem } from "./event-shape";
import { eventShapeLimits } from "./limits";
import { invalidEventsError, validateStructuredEvent } from "./normalise";

const limits = eventShapeLimits({});
const event = (extra: Record<string, unknown>) => ({ specversion: "1.0", id: "e-7", source: "/s", type: "t", ...extra });

/** `{"a":{"a":…1…}}` nested `levels` deep, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
  return value;
}

describe("event shape limits", () => {
  describe("Happy path", () => {
    it("has the documented defaults", () => {
      expect(limits).toEqual({ maxEventBytes: 1_048_576, maxDepth: 64, maxStringLength: 262_144, maxKeys: 10_000 });
    });

    it("takes each limit from its REWIND_* variable", () => {
      expect(
        eventShapeLimits({ REWIND_MAX_EVENT_BYTES: "10", REWIND_MAX_NESTING_DEPTH: "3", REWIND_MAX_STRING_LENGTH: "5", REWIND_MAX_KEYS_PER_EVENT: "7" }),
      ).toEqual({ maxEventBytes: 10, maxDepth: 3, maxStringLength: 5, maxKeys: 7 });
      expect(() => eventShapeLimits({ REWIND_MAX_NESTING_DEPTH: "deep" })).toThrow(/REWIND_MAX_NESTING_DEPTH/);
    });

    it("accepts an event at every limit exactly", () => {
      // the event is level 1, data's outermost array level 2: 63 containers reach 64
      expect(eventShapeProblem(event({ data: nested(63) }), limits)).toBeNull();
      expect(eventShapeProblem(event({ data: "x".repeat(262_144) }), limits)).toBeNull();
      const keys = Object.fromEntries(Array.from({ length: 10_000 - 5 }, (_, i) => [`k${i}`, i]));
      expect(eventShapeProblem(event({ data: keys }), limits)).toBeNull();
      expect(eventShapeProblem(event({ data_base64: "A".repeat(1_000_000) }), limits)).toBeNull();
      expect(eventShapeProblem(event({ userid: "u".repeat(1_024), subject: "é".repeat(512) }), limits)).toBeNull();
    });
  });

  describe("Sad path", () => {
    it.each([
      ["depth", event({ data: nested(64) }), "data", 64],
      ["depth", event({ data: nested(100_000) }), "data", 64],
      ["stringLength", event({ data: { note: "x".repeat(262_145) } }), "data", 262_144],
      ["stringLength", event({ dataschema: "s".repeat(262_145) }), "dataschema", 262_144],
      ["stringLength", event({ data: { ["k".repeat(262_145)]: 1 } }), "data", 262_144],
      ["keys", event({ data: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i])) }), "data", 10_000],
      ["attributeBytes", event({ userid: "u".repeat(1_025) }), "userid", 1_024],
      ["attributeBytes", event({ source: "é".repeat(513) }), "source", 1_024],
      ["eventBytes", event({ data: Array.from({ length: 5 }, () => "é".repeat(200_000)) }), null, 1_048_576],
    ])("refuses an event over the %s limit, naming where", (limit, input, attribute, value) => {
      expect(eventShapeProblem(input, limits)).toMatchObject({ limit, attribute, limitValue: value });
    });

    it("names the event (index and id) and the limit in a structured or batch refusal", () => {
      const result = validateStructuredEvent(event({ data: nested(1_500) }), 3, limits);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const error = invalidEventsError(result.issues);
      expect(error.status).toBe(422);
      expect(error.message).toMatch(/^event 3, attribute "data": the nesting depth is over the limit of 64 \(REWIND_MAX_NESTING_DEPTH\)/);
      expect(error.details).toMatchObject({ index: 3, id: "e-7", attribute: "data", limit: { name: "depth", value: 64 } });
    });

    it("applies the same limits to binary mode, JSON data and bytes alike", () => {
      const headers = { specversion: "1.0", id: "b-1", source: "/s", type: "t" };
      const deep = new TextEncoder().encode("[".repeat(2_000) + "]".repeat(2_000));
      const json = validateBinaryEvent({ ...headers, datacontenttype: "application/json" }, deep, limits);
      expect(json).toMatchObject({ ok: false, issues: [{ index: 0, id: "b-1", attribute: "data", limit: { name: "depth" } }] });
      const bytes = validateBinaryEvent({ ...headers, datacontenttype: "application/octet-stream" }, new Uint8Array(800_000), limits);
      expect(bytes).toMatchObject({ ok: false, issues: [{ attribute: null, limit: { name: "eventBytes" } }] });
      expect(validateBinaryEvent({ ...headers, datacontenttype: "application/octet-stream" }, new Uint8Array(700_000), limits).ok).toBe(true);
    });
  });
});
