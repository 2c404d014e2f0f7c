import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { rebuildProjections } from "../sessions/projector";
import { simulateWorld } from "../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { popularityAnswer } from "./answers";
import { readCounters } from "./read-analytics";
import { remainderRows } from "./remainder-rows";
import { breakdownValues, funnelRows } from "./reports";

const START = new Date("2026-05-01T00:00:00Z");
const NOW = Date.parse("2026-05-20T00:00:00Z");
const FROM = "2026-05-03";
const TO = "2026-05-09";

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

describe.each(testProviders())("a breakdown's rows add up to the total on %s", (provider) => {
  let t: TestStore;
  // The range's booking sessions by plain SQL, one by one: the independent count.
  let plainTotal = 0;
  let plainCompleted = 0;

  beforeAll(async () => {
    t = await createTestStore(provider);
    const world = simulateWorld({ users: 80, days: 12, seed: "remainder", start: START }).map((w) => w.event);
    await importRecords(t.store, records(world));
    await rebuildProjections(t.store, { now: () => NOW });
    const rows = await t.store.db.$queryRawUnsafe<{ started_at: Date | string; journey: string; outcome: string }[]>(
      `SELECT "started_at", "journey", "outcome" FROM "sessions"`,
    );
    for (const r of rows) {
      const day = new Date(r.started_at).toISOString().slice(0, 10);
      if (r.journey !== "holiday-booking" || day < FROM || day > TO) continue;
      plainTotal += 1;
      if (r.outcome === "completed") plainCompleted += 1;
    }
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("popularity: the shown values, Other and (none) sum to every session, and platforms have their names", async () => {
    const counters = await readCounters(t.store, "holiday-booking", FROM, TO, ["dimension", "dimension-completed", "dimension-label"]);
    expect(plainTotal).toBeGreaterThan(50);
    for (const dimension of ["platform", "destination", "country"]) {
      const all = popularityAnswer("holiday-booking", dimension, counters, Number.MAX_SAFE_INTEGER).rows;
      const shown = 2;
      const { other, none, overlapping } = remainderRows(
        all.map((r) => [r.sessions, r.completed]),
        shown,
        [plainTotal, plainCompleted],
      );
      expect(overlapping, dimension).toBe(false);
      const table = [...all.slice(0, shown).map((r) => [r.sessions, r.completed]), other?.counts ?? [0, 0], none ?? [0, 0]];
      expect(
        table.reduce((n, r) => n + r[0]!, 0),
        dimension,
      ).toBe(plainTotal);
      expect(
        table.reduce((n, r) => n + r[1]!, 0),
        dimension,
      ).toBe(plainCompleted);
    }
    const platforms = popularityAnswer("holiday-booking", "platform", counters, 10).rows.map((r) => r.label);
    expect(platforms.length).toBeGreaterThan(0);
    for (const label of platforms) expect(["iOS", "Android", "Web"]).toContain(label);
  });

  it("funnel breakdown: each step's column, Other and (none) included, sums to the funnel's count", async () => {
    const counters = await readCounters(t.store, "holiday-booking", FROM, TO, ["funnel"]);
    const total = funnelRows(counters, bookingJourney.funnel, "").map((r) => r.count);
    const values = breakdownValues(counters, "destination").map((v) => funnelRows(counters, bookingJourney.funnel, `destination=${v}`).map((r) => r.count));
    expect(values.length).toBeGreaterThan(3);
    const { other, none } = remainderRows(values, 3, total);
    expect(other?.values).toBe(values.length - 3);
    const table = [...values.slice(0, 3), other!.counts, ...(none ? [none] : [])];
    for (const [step, n] of total.entries())
      expect(
        table.reduce((s, r) => s + r[step]!, 0),
        `step ${step}`,
      ).toBe(n);
  });
});
