import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { appendEvents } from "./append";
import { readPlaceNames } from "./place-names";

describe.each(testProviders())("place names learned from the whole store (%s)", (provider) => {
  let t: TestStore;
  const named = (i: number, destination: string, name: string, source: string = SOURCES.search) =>
    anEvent({
      id: `place-${i}`,
      source,
      subject: `search/${i}`,
      type: T.destinationViewed,
      userid: `u-${i}`,
      sessionid: `ses-${i}`,
      time: new Date(Date.UTC(2026, 5, 1, 10, i)),
      data: { kind: "json", value: { destination, name } },
    });
  const events = [
    named(1, "MLA", "Malta island"),
    named(2, "MLA", "Malta"),
    // Newer, but from a source the journey does not believe for it: names nothing.
    named(3, "MLA", "Not Malta", "/elsewhere"),
    named(4, "LIS", "Lisbon"),
    named(5, "PMI", ""),
  ];

  beforeAll(async () => {
    t = await createTestStore(provider);
    await appendEvents(t.store, events);
  });
  afterAll(() => t.dispose());

  it("gives each code the newest name a believed event gave it, only for the codes asked, in one query", async () => {
    const got = await readPlaceNames(t.store, ["MLA", "PMI", "BCN", "MLA"]);
    // By another route: a plain loop over the raw events, the later one winning.
    const expected = new Map<string, string>();
    for (const e of events) {
      const v = (e.data as { value: { destination: string; name: string } }).value;
      if (e.source === SOURCES.search && v.name && ["MLA", "PMI", "BCN"].includes(v.destination)) expected.set(v.destination, v.name);
    }
    expect(got).toEqual(expected);
    expect(got.get("MLA")).toBe("Malta");
    expect(await readPlaceNames(t.store, [])).toEqual(new Map());
  });
});
