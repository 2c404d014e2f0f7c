import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readCounters, readGapHistograms } from "../lib/analytics/read-analytics";
import { breakdownValues, funnelRows, popularity } from "../lib/analytics/reports";
import type { Store } from "../lib/db/prisma";
import { bookingJourney } from "../lib/journeys/booking/booking-journey";
import { rebuildProjections } from "../lib/sessions/projector";
import { fmt, median } from "./stats";
import { worldStore } from "./world-store";

const ROUNDS = 15;
const START = new Date("2026-06-01T00:00:00Z");
const NOW = Date.parse("2026-07-15T00:00:00Z");
const FROM = "2026-06-01";
const TO = "2026-06-30";

async function analyticsStore(dir: string, name: string, users: number): Promise<{ store: Store; events: number; sessions: number }> {
  const { store, events } = await worldStore(dir, name, { users, seed: "analytics-bench", start: START });
  await rebuildProjections(store, { now: () => NOW });
  return { store, events, sessions: await store.db.session.count() };
}

/** What the funnel page reads and shapes: counters, the funnel, and a breakdown by destination. */
async function funnelQuery(store: Store) {
  const [counters, gaps] = await Promise.all([
    readCounters(store, "holiday-booking", FROM, TO, ["funnel", "drop"]),
    readGapHistograms(store, "holiday-booking", FROM, TO),
  ]);
  const rows = funnelRows(counters, bookingJourney.funnel, "", gaps);
  const breakdown = breakdownValues(counters, "destination").map((v) => funnelRows(counters, bookingJourney.funnel, `destination=${v}`));
  return rows.length + breakdown.length;
}

/** What the destinations page reads and shapes. */
async function popularityQuery(store: Store) {
  const { offers, destinations } = popularity(await readCounters(store, "holiday-booking", FROM, TO, ["offer", "destination", "package"]));
  return offers.length + destinations.length;
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/**
 * The funnel and popularity queries over the same 30 days with about 100k and about 1M events in
 * the store (ten times the users in the same window), interleaved, medians of ROUNDS runs each.
 */
export async function benchAnalytics(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "rewind-bench-analytics-"));
  try {
    console.log("analytics: building the two stores (about 100k and 1M events, 30 days, rebuilt read models)…");
    const small = await analyticsStore(dir, "small", 3_000);
    const large = await analyticsStore(dir, "large", 30_000);
    for (const [label, s] of [
      ["small", small],
      ["large", large],
    ] as const) {
      const counters = await s.store.db.analyticsDaily.count();
      console.log(`${label}: ${fmt(s.events)} events, ${fmt(s.sessions)} sessions, ${fmt(counters)} daily counters`);
    }
    const times = { small: { funnel: [] as number[], popularity: [] as number[] }, large: { funnel: [] as number[], popularity: [] as number[] } };
    // Warm both once, then alternate which store goes first.
    await funnelQuery(small.store);
    await funnelQuery(large.store);
    for (let i = 0; i < ROUNDS; i++) {
      const order = i % 2 === 0 ? (["small", "large"] as const) : (["large", "small"] as const);
      for (const which of order) {
        const store = which === "small" ? small.store : large.store;
        times[which].funnel.push(await timed(() => funnelQuery(store)));
        times[which].popularity.push(await timed(() => popularityQuery(store)));
      }
    }
    const m = (xs: number[]) => median(xs);
    console.log(`median funnel: 100k ${m(times.small.funnel).toFixed(1)} ms, 1M ${m(times.large.funnel).toFixed(1)} ms`);
    console.log(`median popularity: 100k ${m(times.small.popularity).toFixed(1)} ms, 1M ${m(times.large.popularity).toFixed(1)} ms`);
    const smallTotal = m(times.small.funnel) + m(times.small.popularity);
    const largeTotal = m(times.large.funnel) + m(times.large.popularity);
    console.log(`ratio 1M/100k: ${(largeTotal / smallTotal).toFixed(3)}`);
    await small.store.db.$disconnect();
    await large.store.db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
