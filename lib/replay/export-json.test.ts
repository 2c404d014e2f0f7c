import { describe, expect, it } from "vitest";
import { jsonExportEnd, jsonExportEvent, jsonExportStart } from "./export-json";

const written = (session: unknown, events: readonly unknown[]) =>
  jsonExportStart(session) + events.map((e, i) => jsonExportEvent(e, i)).join("") + jsonExportEnd(events.length);

describe("the session export's JSON, in pieces", () => {
  const session = { id: "s-1", userId: null, resumePoint: { step: "pay", nested: [1, { a: "x\ny" }] }, empty: {}, list: [] };
  const event = (i: number) => ({ id: `e-${i}`, type: "offers.offer.viewed", data: { offerId: `OF-${i}`, tags: ["a", "b"], price: i * 1.5 } });

  it.each([0, 1, 2, 7])("is byte for byte what JSON.stringify writes for the whole, with %i events", (n) => {
    const events = Array.from({ length: n }, (_, i) => event(i));
    expect(written(session, events)).toBe(JSON.stringify({ session, events }, null, 2));
  });

  it.each([0, 3])("with notes after %i events, is what JSON.stringify writes for { session, events, notes }", (n) => {
    const events = Array.from({ length: n }, (_, i) => event(i));
    const notes = [{ id: "note_1", seq: 0, text: 'spoke to "Jane"\n]' }];
    const text = jsonExportStart(session) + events.map((e, i) => jsonExportEvent(e, i)).join("") + jsonExportEnd(events.length, notes);
    expect(text).toBe(JSON.stringify({ session, events, notes }, null, 2));
    expect(jsonExportEnd(n, [])).toBe(`${n === 0 ? "]" : "\n  ]"},\n  "notes": []\n}`);
  });

  it("holds strings that look like JSON syntax as strings", () => {
    const events = [{ data: '"},{"x":' }, { data: "\n    ]\n}" }];
    expect(JSON.parse(written(session, events))).toEqual({ session, events });
  });
});
