import { readCounters } from "../analytics/read-analytics";
import { readDropOffSessions, readFollowUps } from "../analytics/read-after-drop-off";
import { readFunnelAnswer, readOverviewAnswer, readPopularityAnswer } from "../analytics/read-answers";
import type { DayRange } from "../analytics/range";
import type { Store } from "../db/prisma";
import { decodeJson } from "../db/sql";
import type { StoredEvent } from "../generated/sqlite/client";
import { applyDefinition } from "../journey-store/apply-definition";
import { forgetLiveCatalog, liveCatalogOf } from "../journey-store/live-catalog";
import { buildUntilSwitched } from "../sessions/generations";
import { catchUp } from "../sessions/projector";
import { countMatchingSessions, selectRecentSessions } from "../sessions/read-sessions";
import { DEFAULT_TIMEOUT_MS } from "../sessions/sessionize";
import { appendRetentionWorld } from "./retention-world";
import { SHOP_TEXT, shopCloudEvents } from "./what-if-world";

/**
 * A world for tests of a real retention purge against the read models: the reference holiday world
 * and shop visits (folded by the shop definition, applied as a stored journey), both appended as
 * delivered with recorded times over twelve days, so a policy's cut-offs fall inside it.
 */
export const PURGE_WORLD_NOW = new Date("2026-01-15T00:00:00Z");
export const PURGE_WORLD_RANGE: DayRange = { from: "2025-12-20", to: "2026-01-20" };
const now = () => PURGE_WORLD_NOW.getTime();

/** `holidays`: the simulated world as delivered (the test makes it: lib/simulate is for tests, scripts and benches only). */
export async function seedPurgeWorld(store: Store, holidays: readonly { event: unknown; deliveredAt: number; seq: number }[]): Promise<void> {
  // Shop events arrive a second and a half after they happen: recorded in the hour they happened.
  const shop = shopCloudEvents("2026-01-01", 12, 10).map((event, i) => ({ event, deliveredAt: Date.parse(String(event.time)) + 1_500, seq: 1_000_000 + i }));
  await appendRetentionWorld(store, [...holidays, ...shop]);
  await catchUp(store, { now });
  const applied = await applyDefinition(store, SHOP_TEXT, "test");
  if (!applied.applied) throw new Error("the shop definition was not applied");
  await buildUntilSwitched(store, applied.generation.id, { now });
  forgetLiveCatalog();
}

/** Every row the read models hold: sessions (with their facts), blocks, counters, gap histograms, user summaries. */
export async function readModels(store: Store) {
  const db = store.db;
  const [sessions, blocks, daily, gaps, users] = await Promise.all([
    db.session.findMany({ orderBy: { id: "asc" } }),
    db.sessionBlock.findMany({ orderBy: [{ sessionId: "asc" }, { block: "asc" }] }),
    db.analyticsDaily.findMany({ orderBy: [{ day: "asc" }, { journey: "asc" }, { kind: "asc" }, { k1: "asc" }, { k2: "asc" }] }),
    db.analyticsDailyGap.findMany({ orderBy: [{ day: "asc" }, { journey: "asc" }, { step: "asc" }] }),
    db.userSummary.findMany({ orderBy: { userId: "asc" } }),
  ]);
  return { sessions, blocks, daily, gaps, users };
}

/** Session id → the positions its blocks hold, in session order (the positions as they were folded). */
export function positionsBySession(blocks: readonly { sessionId: string; positions: unknown }[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const b of blocks) out.set(b.sessionId, [...(out.get(b.sessionId) ?? []), ...decodeJson<number[]>(b.positions)]);
  return out;
}

/**
 * Every figure the analytics API answers, by the readers its routes call (lib/analytics/read-answers):
 * each journey's overview, funnel and every dimension's popularity, and every counter kind of
 * every journey (the generic one included) over the whole world.
 */
export async function analyticsFigures(store: Store): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const catalog = await liveCatalogOf(store);
  for (const journey of catalog.journeys) {
    out[`${journey.name}/overview`] = await readOverviewAnswer(store, journey.name, PURGE_WORLD_RANGE);
    out[`${journey.name}/funnel`] = await readFunnelAnswer(store, journey, PURGE_WORLD_RANGE);
    for (const d of journey.dimensions)
      out[`${journey.name}/popularity/${d.key}`] = await readPopularityAnswer(store, journey.name, d.key, PURGE_WORLD_RANGE, 1_000);
    // After a drop-off at each step: the cohort and what its customers did next (GET /api/analytics/after-drop-off).
    for (const [k, step] of journey.funnel.entries()) {
      // In id order: the read promises no order (the summary does not depend on it).
      const dropOffs = (await readDropOffSessions(store, journey.name, PURGE_WORLD_RANGE, k + 1)).sort((a, b) => (a.id < b.id ? -1 : 1));
      out[`${journey.name}/after-drop-off/${step.key}`] = { dropOffs, followUps: await readFollowUps(store, journey.name, dropOffs) };
    }
  }
  const kinds = await store.db.analyticsDaily.findMany({ select: { journey: true, kind: true }, distinct: ["journey", "kind"] });
  for (const r of kinds) out[`${r.journey}/counters/${r.kind}`] = await readCounters(store, r.journey, PURGE_WORLD_RANGE.from, PURGE_WORLD_RANGE.to, [r.kind]);
  return out;
}

/**
 * The sessions page's listing, newest first, paged as the page pages it, and the drill-down counts
 * of every journey's outcomes and drop-offs (what a figure's link lists).
 */
export async function sessionListings(store: Store) {
  const recent: string[] = [];
  for (let after: { startedAt: Date; id: string } | undefined; ; ) {
    const page = await selectRecentSessions(store, { after, limit: 50 });
    recent.push(...page.map((s) => s.id));
    if (page.length < 50) break;
    after = { startedAt: page.at(-1)!.startedAt, id: page.at(-1)!.id };
  }
  const counts: Record<string, number> = {};
  for (const journey of (await liveCatalogOf(store)).journeys) {
    for (const outcome of ["completed", "abandoned", "browsed", "live"])
      counts[`${journey.name}/${outcome}`] = await countMatchingSessions(store, { journey: journey.name, outcome, ...PURGE_WORLD_RANGE });
    counts[`${journey.name}/dropped`] = await countMatchingSessions(store, { journey: journey.name, dropped: true, ...PURGE_WORLD_RANGE });
  }
  return { recent, counts };
}

const SHOP_STEPS = ["shop.product.viewed", "shop.cart.added", "shop.order.completed"];

/**
 * The shop's figures by a plain loop over raw events (not the fold): a shopper's visit ends after
 * 30 minutes without an event or at a sign-out; it reaches the steps it meets in order; it is
 * completed when it ordered, abandoned when it added to the cart but did not, browsed otherwise.
 */
export function shopFiguresByLoop(rows: readonly StoredEvent[]) {
  const byUser = new Map<string, StoredEvent[]>();
  for (const r of rows) if (r.type.startsWith("shop.")) byUser.set(r.userid!, [...(byUser.get(r.userid!) ?? []), r]);
  const visits: { day: string; user: string; depth: number }[] = [];
  for (const [user, events] of byUser) {
    events.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || Number(a.position - b.position));
    let current: { day: string; user: string; depth: number } | null = null;
    let previous: StoredEvent | null = null;
    for (const e of events) {
      const apart = previous !== null && e.occurredAt.getTime() - previous.occurredAt.getTime() > DEFAULT_TIMEOUT_MS;
      if (current === null || apart || previous?.type === "shop.user.signed_out") {
        current = { day: e.occurredAt.toISOString().slice(0, 10), user, depth: 0 };
        visits.push(current);
      }
      if (current.depth < SHOP_STEPS.length && e.type === SHOP_STEPS[current.depth]) current.depth += 1;
      previous = e;
    }
  }
  return {
    totals: {
      sessions: visits.length,
      users: new Set(visits.map((v) => v.user)).size,
      completed: visits.filter((v) => v.depth === 3).length,
      abandoned: visits.filter((v) => v.depth === 2).length,
      browsed: visits.filter((v) => v.depth < 2).length,
      live: 0,
    },
    steps: [1, 2, 3].map((k) => visits.filter((v) => v.depth >= k).length),
    days: [...new Set(visits.map((v) => v.day))].sort().map((day) => [day, visits.filter((v) => v.day === day).length] as const),
  };
}
