import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import { readFeed, readFeedBackward } from "../eventstore/read";
import { anEvent } from "../testing/event-factory";
import { createTestStore, type TestStore, testProviders } from "../testing/test-stores";
import { recordedSince } from "./recorded-since";

// Months far from the test's "now" (the migration makes this month's and the next's partitions).
const at = (iso: string) => new Date(`${iso}T12:00:00.000Z`);
const APPENDS = [
  // recorded in November: events of November
  { recorded: at("2030-11-20"), times: ["2030-11-02", "2030-11-15", "2030-11-19"] },
  // recorded in December: December's, and one late event of November
  { recorded: at("2030-12-20"), times: ["2030-12-01", "2030-11-28", "2030-12-18"] },
  // recorded in February (no January partition): February's, and one of December
  { recorded: at("2031-02-10"), times: ["2031-02-01", "2030-12-05", "2031-02-09"] },
];
const WINDOWS: [string, string][] = [
  ["2030-11-01", "2030-12-01"],
  ["2030-12-01", "2031-01-01"],
  ["2031-01-01", "2031-02-01"],
  ["2031-02-01", "2031-03-01"],
  ["2030-11-25", "2031-02-05"],
  ["2029-01-01", "2029-02-01"],
  ["2032-01-01", "2032-02-01"],
];

describe.each(testProviders())("event-time reads bounded by recorded month (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    let n = 0;
    for (const a of APPENDS) {
      await appendEvents(
        t.store,
        a.times.map((time) => anEvent({ id: `rs-${++n}`, subject: `booking/BK-RS${n}`, time: at(time) })),
        a.recorded,
      );
    }
  });
  afterAll(() => t.dispose());

  it.each(WINDOWS)("the explorer's page from %s to %s is every event that occurred then, newest first", async (from, to) => {
    const [f, u] = [new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)];
    // By hand: the whole feed, filtered here.
    const all = await readFeed(t.store, { limit: 1_000 });
    const expected = all
      .filter((e) => e.occurredAt >= f && e.occurredAt < u)
      .map((e) => Number(e.position))
      .sort((a, b) => b - a);
    const page = await readFeedBackward(t.store, { limit: 100, filter: { from: f, to: u } });
    expect(page.map((e) => Number(e.position))).toEqual(expected);
  });

  it.runIf(provider === "postgresql")("answers the oldest month recorded with such an event, or past the newest month when none", async () => {
    const since = (from: string, to: string) => recordedSince(t.store, new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`));
    // The late November event was recorded in December: November's partition still holds the others.
    expect(await since("2030-11-01", "2030-12-01")).toEqual(new Date("2030-11-01T00:00:00Z"));
    // December's events: one was recorded in February, the rest in December.
    expect(await since("2030-12-01", "2031-01-01")).toEqual(new Date("2030-12-01T00:00:00Z"));
    expect(await since("2031-02-01", "2031-03-01")).toEqual(new Date("2031-02-01T00:00:00Z"));
    // Nothing then: only a month after the newest partition would be read.
    expect(await since("2029-01-01", "2029-02-01")).toEqual(new Date("2031-03-01T00:00:00Z"));
    expect(await recordedSince(t.store)).toBeNull();
  });
});
