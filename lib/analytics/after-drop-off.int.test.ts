import { afterAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { catalogOf } from "../journeys/catalog";
import { dataJourney } from "../journeys/definition/data-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { SHOP_DOCUMENT } from "../testing/shop-journey";
import { dropReasonsOf } from "../journeys/drop-reasons";
import { rebuildProjections } from "../sessions/projector";
import { simulateWorld } from "../simulate/world";
import { followUpLoop, type RawSession, readRawSessions } from "../testing/follow-up-loop";
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

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

/** A step's drop-offs by hand (the funnel's "dropped off here"), then their follow-up by the plain loop. */
function plainLoop(raw: RawSession[], depth: number, journey = JOURNEY, range = RANGE) {
  const drops = raw.filter((s) => s.journey === journey && s.day !== null && s.day >= range.from && s.day <= range.to && s.depth === depth && s.drop !== null);
  return { drops, ...followUpLoop(raw, drops, journey) };
}

/** Every step of a journey's funnel against the plain loop; answers what the world exercised, so a caller can insist on it. */
async function checkEveryStep(t: TestStore, raw: RawSession[], journey: JourneyDefinition<unknown>, range: { from: string; to: string }) {
  const counters = await readCounters(t.store, journey.name, range.from, range.to, ["funnel", "drop", "sessions"]);
  const funnel = funnelRows(counters, journey.funnel, "", new Map(), dropReasonsOf(journey));
  const seen = { followed: 0, returned: 0, completed: 0, repeated: 0 };
  for (const [index, step] of journey.funnel.entries()) {
    const expected = plainLoop(raw, index + 1, journey.name, range);
    const dropOffs = await readDropOffSessions(t.store, journey.name, range, index + 1);
    // The same sessions as the funnel's "dropped off here".
    expect(dropOffs.length, step.key).toBe(funnel[index]!.dropOff);
    expect(dropOffs.map((s) => s.id).sort(), step.key).toEqual(expected.drops.map((s) => s.id).sort());
    const all = await readFollowUps(t.store, journey.name, dropOffs);
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
    seen.followed += summary.customers;
    seen.returned += summary.cameBackEver.customers;
    seen.completed += summary.completedLater.customers;
    seen.repeated += expected.drops.filter((s) => s.user !== null).length - expected.customers;
  }
  return seen;
}

describe.each(testProviders())("what came after a drop-off on %s", (provider) => {
  let t: TestStore;

  afterAll(async () => {
    await t?.dispose();
  });

  it("counts, for every step of the booking funnel, what a plain loop over the sessions counts", async () => {
    t = await createTestStore(provider);
    const world = simulateWorld({ users: 60, days: 45, seed: "after-drop-off", start: START }).map((w) => w.event);
    await importRecords(t.store, records(world));
    await rebuildProjections(t.store, { now: () => NOW });
    const seen = await checkEveryStep(t, await readRawSessions(t), bookingJourney as JourneyDefinition<unknown>, RANGE);
    // The world must exercise the figures, or the comparison proves nothing; customers with two drop-offs at one step count once.
    expect(seen.followed).toBeGreaterThan(20);
    expect(seen.returned).toBeGreaterThan(5);
    expect(seen.completed).toBeGreaterThan(0);
    expect(seen.repeated).toBeGreaterThan(0);
  }, 180_000);
});

/** Shoppers who leave after viewing a product, and come back (or not) a few hours, a day or twelve days later. */
function shopEvents(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const visit = (user: string, start: number, types: string[]) => {
    for (const [i, type] of types.entries()) {
      const data = type === "order.completed" ? { total: 50 } : { productId: "p1", name: "Oak chair" };
      const time = new Date(start + i * 60_000).toISOString();
      out.push({
        specversion: "1.0",
        id: `${user}-${start}-${i}`,
        source: "shop/web",
        type: `shop.${type}`,
        time,
        userid: user,
        datacontenttype: "application/json",
        data,
      });
    }
  };
  const base = Date.parse("2026-07-01T08:00:00Z");
  const H = 3_600_000;
  for (let i = 0; i < 16; i++) {
    const user = `shopper-${i}`;
    const start = base + i * 20 * 60_000;
    visit(user, start, ["product.viewed"]);
    // A second drop-off the next day for some: they count once, from the first.
    if (i % 5 === 0) visit(user, start + 25 * H, ["product.viewed"]);
    const back = [3 * H, 26 * H, 12 * 24 * H, null][i % 4];
    if (back !== null && back !== undefined)
      visit(user, start + back + 2 * H, i % 2 === 0 ? ["product.viewed", "cart.added", "order.completed"] : ["product.viewed", "cart.added"]);
  }
  return out.sort((a, b) => String(a.time).localeCompare(String(b.time)));
}

describe.each(testProviders())("what came after a drop-off, for a data journey, on %s", (provider) => {
  let t: TestStore;
  const shop = dataJourney(SHOP_DOCUMENT) as JourneyDefinition<unknown>;

  afterAll(async () => {
    await t?.dispose();
  });

  it("counts by the same rules for a journey defined as data", async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(shopEvents()));
    await rebuildProjections(t.store, {
      now: () => Date.parse("2026-08-01T00:00:00Z"),
      catalog: catalogOf([bookingJourney as JourneyDefinition<unknown>, shop]),
      timeoutMs: 30 * 60_000,
    });
    const seen = await checkEveryStep(t, await readRawSessions(t), shop, { from: "2026-07-01", to: "2026-07-03" });
    expect(seen.followed).toBe(20);
    expect(seen.returned).toBeGreaterThanOrEqual(12);
    expect(seen.completed).toBeGreaterThan(0);
    expect(seen.repeated).toBeGreaterThan(0);
  }, 60_000);
});
