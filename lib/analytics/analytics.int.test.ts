import { dropReasonsOf } from "../journeys/drop-reasons";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { decodeJson } from "../db/sql";
import { rebuildProjections } from "../sessions/projector";
import { EVENT_TYPES as T } from "../journeys/booking/booking-events";
import { simulateWorld } from "../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { countDistinctUsers, readCounters, readDailyCounters, readDataSpan, readGapHistograms } from "./read-analytics";
import { commonPaths, endedWords, pathKey } from "./paths-report";
import { funnelRows, overviewSeries, overviewTotals, popularity } from "./reports";
import { countMatchingSessions, selectRecentSessions, type SessionFilter } from "../sessions/read-sessions";

const START = new Date("2026-05-01T00:00:00Z");
const NOW = Date.parse("2026-05-20T00:00:00Z");
const FROM = "2026-05-03";
const TO = "2026-05-09";
const STEP_OF: Record<string, number> = {
  [T.destinationsSearched]: 0,
  [T.offerViewed]: 1,
  [T.bookingStarted]: 2,
  [T.travellersAdded]: 3,
  [T.extrasAdded]: 3,
  [T.bookingPriced]: 4,
  [T.paymentFailed]: 5,
  [T.paymentSucceeded]: 5,
  [T.bookingConfirmed]: 6,
};

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

type Ev = { position: bigint; type: string; occurred_at: Date; correlationid: string | null; data_json: unknown };

describe.each(testProviders())("journey analytics on %s", (provider) => {
  let t: TestStore;
  // Every session of the range, with its events in session order, read by plain SQL: the independent route.
  const sessions: { id: string; userId: string | null; day: string; endReason: string; events: Ev[] }[] = [];

  beforeAll(async () => {
    t = await createTestStore(provider);
    const world = simulateWorld({ users: 80, days: 12, seed: "analytics", start: START }).map((w) => w.event);
    await importRecords(t.store, records(world));
    await rebuildProjections(t.store, { now: () => NOW });
    const rows = await t.store.db.$queryRawUnsafe<{ id: string; user_id: string | null; started_at: Date | string; end_reason: string; journey: string }[]>(
      `SELECT "id", "user_id", "started_at", "end_reason", "journey" FROM "sessions"`,
    );
    for (const r of rows) {
      const day = new Date(r.started_at).toISOString().slice(0, 10);
      if (r.journey !== "holiday-booking" || day < FROM || day > TO) continue;
      const blocks = await t.store.db.sessionBlock.findMany({ where: { sessionId: r.id }, orderBy: { block: "asc" } });
      const positions = blocks.flatMap((b) => b.positions as number[]);
      const events = await t.store.db.$queryRawUnsafe<Ev[]>(
        `SELECT "position", "type", "occurred_at", "correlationid", "data_json" FROM "events" WHERE "position" IN (${positions.join(",")})`,
      );
      const at = new Map(positions.map((p, i) => [p, i]));
      events.sort((a, b) => at.get(Number(a.position))! - at.get(Number(b.position))!);
      sessions.push({ id: r.id, userId: r.user_id, day, endReason: r.end_reason, events });
    }
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  const data = (e: Ev) => decodeJson<Record<string, unknown>>(e.data_json);
  const plain = () =>
    sessions.map((s) => {
      const firstAt: (number | null)[] = Array(7).fill(null);
      for (const e of s.events) {
        const step = STEP_OF[e.type];
        if (step !== undefined && firstAt[step] === null) firstAt[step] = new Date(e.occurred_at).getTime();
      }
      // Reached in order: each step no earlier than the one before.
      let depth = 0;
      while (depth < 7 && firstAt[depth] !== null && (depth === 0 || firstAt[depth]! >= firstAt[depth - 1]!)) depth++;
      const booked = s.events.some((e) => e.type === T.bookingConfirmed);
      const live = s.endReason === "open";
      const outcome = live ? "live" : booked ? "completed" : firstAt[2] !== null ? "abandoned" : "browsed";
      return { ...s, firstAt, depth, outcome };
    });

  it("overview: sessions, users, bookings, conversion and abandonment, per day and for the range", async () => {
    const counters = await readCounters(t.store, "holiday-booking", FROM, TO, ["sessions", "outcome", "users"]);
    const users = await countDistinctUsers(t.store, "holiday-booking", FROM, TO);
    const p = plain();
    expect(p.length).toBeGreaterThan(100);
    const count = (o: string) => p.filter((s) => s.outcome === o).length;
    expect(overviewTotals(counters, users)).toEqual({
      sessions: p.length,
      users: new Set(p.flatMap((s) => (s.userId ? [s.userId] : []))).size,
      completed: count("completed"),
      abandoned: count("abandoned"),
      conversion: count("completed") / p.length,
      abandonment: count("abandoned") / (count("abandoned") + count("completed")),
    });
    const series = overviewSeries(await readDailyCounters(t.store, "holiday-booking", FROM, TO, ["sessions", "outcome", "users"]), FROM, TO);
    expect(series).toHaveLength(7);
    for (const d of series) {
      const ofDay = p.filter((s) => s.day === d.day);
      expect(d).toMatchObject({
        sessions: ofDay.length,
        users: new Set(ofDay.flatMap((s) => (s.userId ? [s.userId] : []))).size,
        completed: ofDay.filter((s) => s.outcome === "completed").length,
      });
    }
    // The days with data, which the overview compares against and an empty range points to: the sessions' own first and last day.
    const all = await t.store.db.$queryRawUnsafe<{ started_at: Date | string }[]>(`SELECT "started_at" FROM "sessions" WHERE "journey" = 'holiday-booking'`);
    const days = all.map((r) => new Date(r.started_at).toISOString().slice(0, 10)).sort();
    expect(await readDataSpan(t.store, "holiday-booking")).toEqual({ first: days[0], last: days.at(-1) });
    expect(await readDataSpan(t.store, "no-such-journey")).toBeNull();
  });

  it("funnel: counts, drop-offs, their reasons and median seconds between steps", async () => {
    const counters = await readCounters(t.store, "holiday-booking", FROM, TO, ["funnel", "drop"]);
    const rows = funnelRows(counters, bookingJourney.funnel, "", await readGapHistograms(t.store, "holiday-booking", FROM, TO), dropReasonsOf(bookingJourney));
    const p = plain();
    for (let k = 0; k < 7; k++) {
      const reached = p.filter((s) => s.depth > k);
      expect(rows[k]!.count, `step ${k}`).toBe(reached.length);
      if (k > 0) {
        const gaps = reached.map((s) => Math.floor((s.firstAt[k]! - s.firstAt[k - 1]!) / 1000)).sort((a, b) => a - b);
        expect(rows[k]!.medianSeconds, `median at step ${k}`).toBe(gaps.length ? gaps[Math.floor((gaps.length - 1) / 2)]! : null);
      }
      // Why they stopped, from the events by a plain rule of thumb per session.
      const stopped = p.filter((s) => s.depth === k + 1 && s.outcome !== "completed" && s.outcome !== "live");
      // Dropped off: stopped here and ended without completing; a session still live here has not.
      expect(rows[k]!.dropOff, `drop-off at step ${k}`).toBe(stopped.length);
      const reasonOf = (s: (typeof p)[number]) => {
        const lastStart = [...s.events].reverse().find((e) => e.type === T.bookingStarted);
        const flow = lastStart ? s.events.filter((e) => e.correlationid === lastStart.correlationid) : [];
        const last = [...flow]
          .reverse()
          .find((e) => [T.paymentFailed, T.paymentSucceeded, T.holdExpired, T.bookingPriced, T.bookingStarted].includes(e.type as never));
        if (last?.type === T.paymentFailed) return "payment_declined";
        if (last?.type === T.holdExpired) return "offer_expired";
        const priced = [...flow].reverse().find((e) => e.type === T.bookingPriced);
        const pd = priced ? data(priced) : null;
        if (pd && typeof pd.previousPricePerPerson === "number" && Number(pd.pricePerPerson) > pd.previousPricePerPerson) return "price_rose";
        return s.endReason;
      };
      const expected = new Map<string, number>();
      for (const s of stopped) expected.set(reasonOf(s), (expected.get(reasonOf(s)) ?? 0) + 1);
      expect(Object.fromEntries(rows[k]!.reasons.map((r) => [r.reason, r.count])), `reasons at step ${k}`).toEqual(Object.fromEntries(expected));
    }
    expect(rows[6]!.count).toBeGreaterThan(0);
  });

  it("popularity: views, booking starts, bookings and revenue per offer and destination", async () => {
    const { offers, destinations } = popularity(await readCounters(t.store, "holiday-booking", FROM, TO, ["offer", "destination", "package"]));
    const expected = new Map<string, { views: number; starts: number; bookings: number; revenue: number; destination: string }>();
    // Destinations by sessions: a session counts once for a destination however many of its offers it saw.
    const byDestination = new Map<string, { views: Set<string>; bookings: Set<string> }>();
    for (const s of plain()) {
      const offerOfBooking = new Map<string, string>();
      const viewed = new Set<string>();
      const started = new Set<string>();
      const booked = new Set<string>();
      for (const e of s.events) {
        const d = data(e);
        const offer = String(d.offerId ?? "");
        if (e.type === T.offerViewed) {
          if (!expected.has(offer)) expected.set(offer, { views: 0, starts: 0, bookings: 0, revenue: 0, destination: String(d.destination) });
          viewed.add(offer);
        }
        if (e.type === T.bookingStarted) {
          offerOfBooking.set(String(d.bookingId), offer);
          started.add(offer);
        }
        if (e.type === T.bookingConfirmed) {
          const of = offerOfBooking.get(String(d.bookingId));
          if (of && !booked.has(of)) {
            booked.add(of);
            expected.get(of)!.revenue += Number(d.total);
          }
        }
      }
      for (const o of viewed) expected.get(o)!.views++;
      for (const o of started) expected.get(o)!.starts++;
      for (const o of booked) expected.get(o)!.bookings++;
      for (const o of viewed) {
        const dest = expected.get(o)!.destination;
        const row = byDestination.get(dest) ?? { views: new Set(), bookings: new Set() };
        row.views.add(s.id);
        if (booked.has(o)) row.bookings.add(s.id);
        byDestination.set(dest, row);
      }
    }
    expect(offers.length).toBe(expected.size);
    for (const o of offers)
      expect({ offer: o.offerId, views: o.views, starts: o.starts, bookings: o.bookings, revenue: o.revenue }).toEqual({
        offer: o.offerId,
        ...(({ destination: _, ...rest }) => rest)(expected.get(o.offerId)!),
      });
    const { packages } = popularity(await readCounters(t.store, "holiday-booking", FROM, TO, ["offer", "destination", "package"]));
    expect(packages.reduce((s, p) => s + p.revenue, 0)).toBe([...expected.values()].reduce((s, e) => s + e.revenue, 0));
    for (const d of destinations) {
      const mine = byDestination.get(d.destination)!;
      expect({ destination: d.destination, views: d.views, bookings: d.bookings }).toEqual({
        destination: d.destination,
        views: mine.views.size,
        bookings: mine.bookings.size,
      });
    }
  });

  it("drill-downs list exactly the sessions behind a number: a breakdown cell, an offer's booking starts, a path", async () => {
    const counters = await readCounters(t.store, "holiday-booking", FROM, TO, ["funnel", "offer", "destination", "package", "path"]);
    const all = async (filter: SessionFilter) => {
      const out: string[] = [];
      let after: { startedAt: Date; id: string } | undefined;
      for (;;) {
        const page = await selectRecentSessions(t.store, { ...filter, from: FROM, to: TO, journey: "holiday-booking", after, limit: 50 });
        out.push(...page.map((s) => s.id));
        if (page.length < 50) {
          // The total the list page prints counts the same sessions by another query.
          expect(await countMatchingSessions(t.store, { ...filter, from: FROM, to: TO, journey: "holiday-booking" })).toBe(out.length);
          return out;
        }
        after = { startedAt: page.at(-1)!.startedAt, id: page.at(-1)!.id };
      }
    };
    const web = funnelRows(counters, bookingJourney.funnel, "platform=web")[0]!.count;
    expect(web).toBeGreaterThan(50);
    expect(await all({ dimension: { name: "platform", value: "web" }, minDepth: 1 })).toHaveLength(web);
    const offer = popularity(counters).offers.find((o) => o.starts > 1)!;
    expect(await all({ offer: { field: "offerId", value: offer.offerId, metric: "starts" } })).toHaveLength(offer.starts);
    const destination = popularity(counters).destinations[0]!;
    expect(await all({ offer: { field: "destination", value: destination.destination, metric: "views" } })).toHaveLength(destination.views);
    const path = commonPaths(counters, "abandoned")[0]!;
    const ids = await all({ path: [...path.steps, `end:${path.outcome}`].join(">") });
    expect(ids).toHaveLength(path.count);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("paths: the sessions of each path that cancelled a booking, as a plain loop over their events finds them", async () => {
    const steps = bookingJourney.funnel.map((f) => f.key);
    const plainly = new Map<string, number>();
    for (const s of plain()) {
      if (s.outcome !== "browsed" || !s.events.some((e) => e.type === T.bookingCancelled)) continue;
      const key = [...steps.slice(0, s.depth), "end:browsed"].join(">");
      plainly.set(key, (plainly.get(key) ?? 0) + 1);
    }
    expect(plainly.size).toBeGreaterThan(0);
    const paths = commonPaths(await readCounters(t.store, "holiday-booking", FROM, TO, ["path", "path-label"]), null, Number.MAX_SAFE_INTEGER);
    const counted = new Map(paths.flatMap((p) => p.finer.map((f) => [pathKey(p), f.count] as const)));
    expect(counted).toEqual(plainly);
    expect(paths.flatMap((p) => p.finer.map((f) => f.word))).toEqual(paths.flatMap((p) => p.finer.map(() => "cancelled a booking")));
    const cancelled = paths.find((p) => p.finer.length > 0)!;
    expect(endedWords(cancelled, "browsed")).toMatch(/cancelled a booking$/);
  });

  it("event paths: each session's event types (repeats collapsed, first 6, then the ending) as a plain loop over its events counts them", async () => {
    const plainly = new Map<string, number>();
    for (const s of plain()) {
      const types: string[] = [];
      for (const e of s.events) if (types[types.length - 1] !== e.type) types.push(e.type);
      const key = [...types.slice(0, 6), `end:${s.outcome}`].join(">");
      plainly.set(key, (plainly.get(key) ?? 0) + 1);
    }
    const counted = commonPaths(await readCounters(t.store, "holiday-booking", FROM, TO, ["event-path"]), null, Number.MAX_SAFE_INTEGER, "event-path");
    expect(counted.length).toBeGreaterThan(3);
    expect(new Map(counted.map((p) => [pathKey(p), p.count]))).toEqual(plainly);
    // The drill-down of the commonest event path lists exactly its sessions.
    const top = counted[0]!;
    const filter: SessionFilter = { eventPath: pathKey(top), from: FROM, to: TO, journey: "holiday-booking" };
    const listed = await selectRecentSessions(t.store, { ...filter, limit: 10_000 });
    expect(listed).toHaveLength(top.count);
    expect(await countMatchingSessions(t.store, filter)).toBe(top.count);
    expect(listed.every((s) => s.outcome === top.outcome)).toBe(true);
  });
});
