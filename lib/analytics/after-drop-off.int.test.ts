import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJson } from "../db/sql";
import { importRecords } from "../importer/import-events";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { dropReasonsOf } from "../journeys/drop-reasons";
import { rebuildProjections } from "../sessions/projector";
import { simulateWorld } from "../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { type Figure, figureSessions, summariseAfterDropOff } from "./after-drop-off";
import { readDropOffSessions, readFollowUps } from "./read-after-drop-off";
import { readCounters } from "./read-analytics";
import { funnelRows } from "./reports";

/**
 * What came after a drop-off, on a seeded world, against a plain loop over the raw sessions rows
 * (read by SQL here, not through the code under test): every figure, for every step of the funnel.
 */
const START = new Date("2026-03-01T00:00:00Z");
const NOW = Date.parse("2026-05-01T00:00:00Z");
const RANGE = { from: "2026-03-06", to: "2026-03-15" };
const JOURNEY = bookingJourney.name;
const DAY = 86_400_000;

type Raw = {
  id: string;
  user: string | null;
  journey: string;
  start: number;
  last: number;
  outcome: string;
  depth: number | null;
  drop: string | null;
  day: string | null;
  path: string;
};

async function records(events: Record<string, unknown>[]) {
  return (async function* () {
    for (const [i, value] of events.entries()) yield { line: i + 1, value };
  })();
}

/** The rules, by hand: each customer's first drop-off at the step, then what their later sessions of the journey did. */
function plainLoop(raw: Raw[], depth: number) {
  const drops = raw.filter((s) => s.journey === JOURNEY && s.day !== null && s.day >= RANGE.from && s.day <= RANGE.to && s.depth === depth && s.drop !== null);
  const later = (a: Raw, b: Raw) => b.start > a.start || (b.start === a.start && b.id > a.id);
  const first = new Map<string, Raw>();
  for (const s of drops) if (s.user !== null && (!first.has(s.user) || later(s, first.get(s.user)!))) first.set(s.user, s);
  const figures: Record<string, string[]> = { dropped: [], "back-any": [], "back-1": [], "back-7": [], "back-30": [], completed: [] };
  const paths = new Map<string, string[]>();
  const waits: number[] = [];
  for (const ref of first.values()) {
    figures.dropped!.push(ref.id);
    const after = raw.filter((s) => s.journey === JOURNEY && s.user === ref.user && later(ref, s)).sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
    const next = after[0];
    if (next) {
      const gap = Math.max(0, next.start - ref.last);
      figures["back-any"]!.push(next.id);
      for (const days of [1, 7, 30]) if (gap <= days * DAY) figures[`back-${days}`]!.push(next.id);
      paths.set(next.path, [...(paths.get(next.path) ?? []), next.id]);
    }
    const done = after.find((s) => s.outcome === "completed");
    if (done) {
      figures.completed!.push(done.id);
      waits.push(Math.max(0, done.start - ref.last));
    }
  }
  waits.sort((a, b) => a - b);
  const median = waits.length === 0 ? null : Math.floor(waits[Math.floor((waits.length - 1) / 2)]! / 1000);
  return { drops, customers: first.size, figures, paths, median };
}

describe.each(testProviders())("what came after a drop-off on %s", (provider) => {
  let t: TestStore;
  let raw: Raw[] = [];

  beforeAll(async () => {
    t = await createTestStore(provider);
    const world = simulateWorld({ users: 60, days: 45, seed: "after-drop-off", start: START }).map((w) => w.event);
    await importRecords(t.store, await records(world));
    await rebuildProjections(t.store, { now: () => NOW });
    const rows = await t.store.db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT "id", "user_id", "journey", "started_at", "last_event_at", "outcome", "funnel_depth", "drop_reason", "analytics_day", "analytics" FROM "sessions"`,
    );
    raw = rows.map((r) => {
      const facts = r.analytics === null ? null : decodeJson<{ path?: string[] }>(r.analytics);
      return {
        id: r.id as string,
        user: r.user_id as string | null,
        journey: r.journey as string,
        start: new Date(r.started_at as string).getTime(),
        last: new Date(r.last_event_at as string).getTime(),
        outcome: r.outcome as string,
        depth: r.funnel_depth === null ? null : Number(r.funnel_depth),
        drop: r.drop_reason as string | null,
        day: r.analytics_day as string | null,
        path: facts?.path?.length ? facts.path.join(">") : `end:${r.outcome}`,
      };
    });
  }, 180_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("counts, for every funnel step, what a plain loop over the sessions counts", async () => {
    const counters = await readCounters(t.store, JOURNEY, RANGE.from, RANGE.to, ["funnel", "drop", "sessions"]);
    const funnel = funnelRows(counters, bookingJourney.funnel, "", new Map(), dropReasonsOf(bookingJourney));
    let followed = 0;
    let returned = 0;
    let completed = 0;
    let repeated = 0;
    for (const [index, step] of bookingJourney.funnel.entries()) {
      const expected = plainLoop(raw, index + 1);
      const dropOffs = await readDropOffSessions(t.store, JOURNEY, RANGE, index + 1);
      // The same sessions as the funnel's "dropped off here".
      expect(dropOffs.length, step.key).toBe(funnel[index]!.dropOff);
      expect(dropOffs.map((s) => s.id).sort(), step.key).toEqual(expected.drops.map((s) => s.id).sort());
      const all = await readFollowUps(t.store, JOURNEY, dropOffs);
      const summary = summariseAfterDropOff(all, dropOffs, Number.MAX_SAFE_INTEGER);
      expect(summary.customers, step.key).toBe(expected.customers);
      expect(summary.anonymous, step.key).toBe(expected.drops.filter((s) => s.user === null).length);
      expect(summary.cameBack.map((c) => c.customers)).toEqual([1, 7, 30].map((d) => expected.figures[`back-${d}`]!.length));
      expect(summary.cameBackEver.customers).toBe(expected.figures["back-any"]!.length);
      expect(summary.completedLater.customers).toBe(expected.figures.completed!.length);
      expect(summary.completedLater.medianSeconds, step.key).toBe(expected.median);
      expect(new Map(summary.nextPaths.map((p) => [p.key, p.customers]))).toEqual(new Map([...expected.paths].map(([k, ids]) => [k, ids.length])));
      // Each figure drills down to exactly its sessions, one per customer.
      for (const [figure, ids] of Object.entries(expected.figures)) {
        expect(
          figureSessions(all, figure as Figure)
            .map((s) => s.id)
            .sort(),
          `${step.key} ${figure}`,
        ).toEqual([...ids].sort());
      }
      for (const [key, ids] of expected.paths)
        expect(
          figureSessions(all, `path:${key}`)
            .map((s) => s.id)
            .sort(),
        ).toEqual([...ids].sort());
      followed += summary.customers;
      returned += summary.cameBackEver.customers;
      completed += summary.completedLater.customers;
      repeated += expected.drops.filter((s) => s.user !== null).length - expected.customers;
    }
    // The world must exercise the figures, or the comparison proves nothing.
    expect(followed).toBeGreaterThan(20);
    expect(returned).toBeGreaterThan(5);
    expect(completed).toBeGreaterThan(0);
    // Customers with two drop-offs at one step in the range, counted once.
    expect(repeated).toBeGreaterThan(0);
  }, 120_000);
});
