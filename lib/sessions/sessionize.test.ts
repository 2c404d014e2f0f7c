import { describe, expect, it } from "vitest";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { foldEvents } from "../journeys/journey-definition";
import type { JourneyEvent } from "../journeys/journey-event";
import { builtInCatalog } from "../journeys/catalog";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";
import { createRandom } from "../simulate/random";
import { journeyBuilder, MINUTE } from "../testing/journey-builder";
import { DEFAULT_TIMEOUT_MS, sessionize } from "./sessionize";
import { SNAPSHOT_EVERY } from "./session-block";
import { summariseSession } from "./summarise";

const FAR_FUTURE = Date.parse("2030-01-01T00:00:00Z");
const split = (events: JourneyEvent[], now = FAR_FUTURE) => sessionize(events, { timeoutMs: DEFAULT_TIMEOUT_MS, now, boundary: builtInCatalog.boundaryOf });
const shape = (events: JourneyEvent[], now?: number) => split(events, now).map((s) => s.events.map((e) => e.position));

describe("sessionize", () => {
  it("a gap of exactly the timeout does not split; one millisecond more does", () => {
    const b = journeyBuilder();
    const events = [b.event("x.a"), b.event("x.b", {}, { after: DEFAULT_TIMEOUT_MS }), b.event("x.c", {}, { after: DEFAULT_TIMEOUT_MS + 1 })];
    expect(shape(events)).toEqual([[1, 2], [3]]);
    expect(split(events).map((s) => s.endReason)).toEqual(["timed_out", "timed_out"]);
  });

  it("a sign-in starts a session, anonymous browsing just before it joins it, a sign-out ends it", () => {
    const b = journeyBuilder();
    const events = [
      b.event(T.destinationsSearched, {}, { userid: null, anonymousid: "a-1" }),
      b.event(T.userSignedIn, {}, { anonymousid: "a-1" }),
      b.event(T.offerViewed),
      b.event(T.userSignedOut),
      b.event(T.offerViewed),
      b.event(T.userSignedIn),
      b.event(T.userSignedIn),
    ];
    expect(shape(events)).toEqual([[1, 2, 3, 4], [5, 6], [7]]);
    expect(split(events).map((s) => s.endReason)).toEqual(["signed_out", "superseded", "timed_out"]);
  });

  it("an expiry ends a session", () => {
    const b = journeyBuilder();
    const events = [b.event(T.userSignedIn), b.event(T.sessionExpired, {}, { after: 30 * MINUTE }), b.event(T.offerViewed)];
    expect(split(events).map((s) => s.endReason)).toEqual(["expired", "timed_out"]);
  });

  it("a producer's session id wins over gaps and sign-ins; another id starts another session", () => {
    const b = journeyBuilder();
    const events = [
      b.event(T.userSignedIn, {}, { sessionid: "S1" }),
      b.event(T.offerViewed, {}, { sessionid: "S1", after: 3 * 60 * MINUTE }),
      b.event(T.userSignedIn, {}, { sessionid: "S1" }),
      b.event(T.offerViewed, {}, { sessionid: "S2" }),
    ];
    expect(shape(events)).toEqual([[1, 2, 3], [4]]);
    expect(split(events)[0]!.producerSessionId).toBe("S1");
  });

  it("the last session is open until the timeout has passed at `now`", () => {
    const b = journeyBuilder();
    const events = [b.event(T.userSignedIn), b.event(T.offerViewed)];
    expect(split(events, b.time + DEFAULT_TIMEOUT_MS)[0]!.endReason).toBe("open");
    expect(split(events, b.time + DEFAULT_TIMEOUT_MS + 1)[0]!.endReason).toBe("timed_out");
  });

  it("a session running past midnight stays one session", () => {
    const b = journeyBuilder(Date.parse("2026-06-01T23:50:00Z"));
    expect(shape([b.event(T.userSignedIn), b.event(T.offerViewed, {}, { after: 15 * MINUTE })])).toEqual([[1, 2]]);
  });

  it("orders by event time, ties by position, whatever order events arrive in", () => {
    const b = journeyBuilder();
    const [a, c] = [b.event("x.a"), b.event("x.c")];
    const tie = { ...c, position: 99 };
    expect(shape([tie, c, a])).toEqual([[1, 2, 99]]);
  });
});

/** A random person's events: bursts of activity, sign-ins and -outs, a few producer ids. */
function randomEvents(seed: number, count: number): JourneyEvent[] {
  const rng = createRandom(seed);
  const b = journeyBuilder();
  const types = [T.userSignedIn, T.userSignedOut, T.sessionExpired, T.offerViewed, T.destinationsSearched, "other.thing.happened"];
  return Array.from({ length: count }, () =>
    b.event(
      rng.pick(types),
      { n: rng.int(0, 9) },
      {
        after: rng.chance(0.1) ? rng.int(25, 90) * MINUTE : rng.int(1, 600) * 1000,
        sessionid: rng.chance(0.15) ? rng.pick(["S1", "S2"]) : null,
      },
    ),
  );
}

describe("sessionize properties", () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: every event in exactly one session, sessions in order and never overlapping`, () => {
      const events = randomEvents(seed, 300);
      const shuffled = [...events].sort(() => 0).reverse();
      const sessions = split(shuffled);
      const positions = sessions.flatMap((s) => s.events.map((e) => e.position));
      expect([...positions].sort((a, b) => a - b)).toEqual(events.map((e) => e.position));
      for (let i = 1; i < sessions.length; i++) {
        const prevLast = sessions[i - 1]!.events.at(-1)!;
        const first = sessions[i]!.events[0]!;
        expect(first.time > prevLast.time || (first.time === prevLast.time && first.position > prevLast.position)).toBe(true);
      }
      expect(shape(shuffled)).toEqual(shape(events));
    });
  }

  it("folding from any snapshot gives the state of folding in one pass", () => {
    const b = journeyBuilder();
    const types = [T.destinationsSearched, T.offerViewed, T.bookingStarted, T.travellersAdded, T.bookingPriced, T.paymentFailed];
    const events = Array.from({ length: 350 }, (_, i) =>
      b.event(types[i % types.length]!, { bookingId: "BK-1", destination: `D${i}`, attempt: i, total: i }, { sessionid: "S" }),
    );
    const [draft] = split(events);
    const record = summariseSession(draft!, "s-1", "u-1");
    expect(record.snapshots.map((s) => s.seq)).toEqual([SNAPSHOT_EVERY, 2 * SNAPSHOT_EVERY, 3 * SNAPSHOT_EVERY]);
    for (const snapshot of record.snapshots) {
      const resumed = foldEvents(bookingJourney, events.slice(snapshot.seq), snapshot.state as never);
      expect(resumed).toEqual(record.finalState);
      expect(snapshot.state).toEqual(foldEvents(bookingJourney, events.slice(0, snapshot.seq)));
    }
    // Chunked folding equals one pass, wherever the chunks break.
    const rng = createRandom(9);
    let state = bookingJourney.initialState();
    for (let i = 0; i < events.length; ) {
      const size = rng.int(1, 40);
      state = foldEvents(bookingJourney, events.slice(i, i + size), state);
      i += size;
    }
    expect(state).toEqual(record.finalState);
  });
});
