import { describe, expect, it } from "vitest";
import { anEvent } from "../testing/event-factory";
import { validateBatch } from "../ingest/parse-request";
import { simulateWorld } from "../simulate/world";
import { canonicalForm, canonicalText, contentHash, stableStringify } from "./canonical";

describe("stableStringify", () => {
  it("orders keys at every depth and keeps array order", () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
  });
  it("drops undefined members like JSON.stringify does", () => {
    expect(stableStringify({ a: undefined, b: "x" })).toBe('{"b":"x"}');
  });
  it("parses back to the same value", () => {
    const value = { list: [1, "two", { three: 3 }], flag: false, text: 'quote " and \\ slash' };
    expect(JSON.parse(stableStringify(value))).toEqual(value);
  });
});

describe("contentHash", () => {
  const base = anEvent({ id: "e-1", data: { kind: "json", value: { a: 1, b: [1, 2] } } });

  it("is the same for the same content whatever the key order, offset or expectedversion", () => {
    const same = anEvent({
      id: "e-1",
      data: { kind: "json", value: { b: [1, 2], a: 1 } },
      time: new Date("2026-06-01T12:00:00+02:00"),
      expectedVersion: 4,
    });
    expect(contentHash(same)).toBe(contentHash(base));
  });

  it("treats an extension sent as a number and as its string (binary mode) alike", () => {
    expect(contentHash({ ...base, extensions: { count: 3 } })).toBe(contentHash({ ...base, extensions: { count: "3" } }));
  });

  it("differs when any attribute or the data differs", () => {
    const variants = [
      { ...base, type: "other" },
      { ...base, subject: "booking/BK-2" },
      { ...base, userid: "u-2" },
      { ...base, time: new Date("2026-06-01T10:00:01Z") },
      { ...base, data: { kind: "json" as const, value: { a: 2, b: [1, 2] } } },
      { ...base, data: { kind: "text" as const, value: '{"a":1,"b":[1,2]}' } },
      { ...base, extensions: { comexample: "x" } },
    ];
    for (const v of variants) expect(contentHash(v)).not.toBe(contentHash(base));
  });

  it("keeps expectedversion out of the canonical form", () => {
    expect(canonicalForm({ ...base, expectedVersion: 3 })).not.toHaveProperty("expectedversion");
  });
});

describe("canonicalText", () => {
  it("is the general form's text for every event of the reference world, and for every kind of data and attribute", () => {
    const world = simulateWorld({ users: 60, days: 5, seed: "canonical", start: new Date("2026-06-01T00:00:00Z") });
    const events = validateBatch(
      world.map((w) => w.event),
      { maxBodyBytes: Infinity, maxEventsPerRequest: Infinity },
    );
    const odd = [
      anEvent({ id: "x-1", data: { kind: "text", value: "plain \u2028 text" }, time: null, subject: null }),
      anEvent({ id: "x-2", data: { kind: "base64", value: "AAEC" }, datacontenttype: "application/octet-stream", dataschema: "urn:s" }),
      anEvent({ id: "x-3", data: null, extensions: { zeta: true, alpha: 2, "b\u00e9": "x" }, userid: "u", causationid: "c", sessionid: "s" }),
      anEvent({ id: 'quote "and" \\', data: { kind: "json", value: [{ b: 1, a: [null, { d: 1, c: 2 }] }, "é"] }, anonymousid: "a", correlationid: "k" }),
    ];
    expect(events.length).toBeGreaterThan(500);
    for (const event of [...events, ...odd]) expect(canonicalText(event)).toBe(stableStringify(canonicalForm(event)));
  });
});
