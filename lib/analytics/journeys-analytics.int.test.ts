import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { catalogOf } from "../journeys/catalog";
import { dataJourney } from "../journeys/definition/data-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { rebuildProjections } from "../sessions/projector";
import { countMatchingSessions } from "../sessions/read-sessions";
import { simulateWorld } from "../simulate/world";
import { SHOP_DOCUMENT } from "../testing/shop-journey";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { readFunnelAnswer, readOverviewAnswer, readPopularityAnswer } from "./read-answers";

/**
 * Analytics for a data journey beside the booking journey: the issue's `shop` definition, events
 * written here, and the API's answers (through the same readers the routes use) compared with a
 * plain loop over those events by the rules.
 */
const FROM = "2026-07-01";
const TO = "2026-07-03";
const NOW = Date.parse("2026-07-04T00:00:00Z");
const TIMEOUT = 30 * 60_000;
const shop = dataJourney(SHOP_DOCUMENT) as JourneyDefinition<unknown>;
const catalog = catalogOf([bookingJourney as JourneyDefinition<unknown>, shop]);

type Ev = { id: string; type: string; time: number; userid: string; data: Record<string, unknown> };
const PRODUCTS = [
  ["p1", "Oak chair"],
  ["p2", "Pine table"],
  ["p3", "Wool rug"],
  ["p4", "Desk lamp"],
] as const;

/** Customers' visits over three days, each a little story the definition must read one way. */
function shopEvents(): Ev[] {
  const out: Ev[] = [];
  const visit = (user: string, start: number, steps: [string, Record<string, unknown>][]) => {
    for (const [i, [type, data]] of steps.entries()) {
      out.push({ id: `${user}-${start}-${i}`, type: `shop.${type}`, time: start + i * 60_000 + i * i * 7_000, userid: user, data });
    }
  };
  for (let d = 0; d < 3; d++) {
    for (let i = 0; i < 30; i++) {
      const user = `shopper-${i}`;
      const start = Date.parse(`${FROM}T08:00:00Z`) + d * 86_400_000 + i * 10 * 60_000;
      const [id, name] = PRODUCTS[(i + d) % 4]!;
      const [other, otherName] = PRODUCTS[(i + d + 1) % 4]!;
      const view = ["product.viewed", { productId: id, name }] as [string, Record<string, unknown>];
      const cart = ["cart.added", { productId: id, name }] as [string, Record<string, unknown>];
      const stories: [string, Record<string, unknown>][][] = [
        [view, cart, ["order.completed", { total: 120 + i }]],
        [view, cart, ["payment.failed", { reason: "card_declined" }]],
        [view, ["product.viewed", { productId: other, name: otherName }]],
        [["user.signed_in", {}], view, cart, ["user.signed_out", {}]],
        // A cart before any view: "Added to cart" only counts after "Viewed a product".
        [cart, view],
        [view, cart, ["payment.failed", { reason: "card_declined" }], ["order.completed", { total: 80 }]],
        [
          ["user.signed_in", {}],
          ["user.signed_out", {}],
        ],
        [view, cart, ["payment.failed", { reason: "insufficient_funds" }]],
      ];
      visit(user, start, stories[(i + d * 3) % stories.length]!);
    }
  }
  // Still going at NOW: live, never dropped off.
  visit("shopper-late-1", NOW - 20 * 60_000, [
    ["product.viewed", { productId: "p1", name: "Oak chair" }],
    ["cart.added", { productId: "p1", name: "Oak chair" }],
  ]);
  visit("shopper-late-2", NOW - 15 * 60_000, [["product.viewed", { productId: "p2", name: "Pine table" }]]);
  // Live after a declined payment: still not dropped off, so no reason yet either.
  visit("shopper-late-3", NOW - 12 * 60_000, [
    ["product.viewed", { productId: "p3", name: "Wool rug" }],
    ["cart.added", { productId: "p3", name: "Wool rug" }],
    ["payment.failed", { reason: "card_declined" }],
  ]);
  // Across midnight: started on the 1st, carted on the 2nd, then gone. Its drop-off is the 1st's.
  const lamp = { productId: "p4", name: "Desk lamp" };
  out.push(
    { id: "night-0", type: "shop.product.viewed", time: Date.parse("2026-07-01T23:50:00Z"), userid: "shopper-night", data: lamp },
    { id: "night-1", type: "shop.cart.added", time: Date.parse("2026-07-02T00:05:00Z"), userid: "shopper-night", data: lamp },
  );
  return out;
}

/** The rules, by hand: sessions by user and gaps and sign-in/out, steps in order, outcome, drop reason, dimension values. */
function plainShop(events: readonly Ev[]) {
  const byUser = new Map<string, Ev[]>();
  for (const e of events) byUser.set(e.userid, [...(byUser.get(e.userid) ?? []), e]);
  const sessions: Ev[][] = [];
  for (const list of byUser.values()) {
    let current: Ev[] = [];
    for (const e of [...list].sort((a, b) => a.time - b.time)) {
      const last = current.at(-1);
      if (last && (e.time - last.time > TIMEOUT || e.type === "shop.user.signed_in" || last.type === "shop.user.signed_out")) {
        sessions.push(current);
        current = [];
      }
      current.push(e);
    }
    sessions.push(current);
  }
  const steps = ["shop.product.viewed", "shop.cart.added", "shop.order.completed"];
  return sessions.map((evs) => {
    const reachedAt: number[] = [];
    for (const e of evs) if (reachedAt.length < 3 && e.type === steps[reachedAt.length]) reachedAt.push(e.time);
    const signedOut = evs.at(-1)!.type === "shop.user.signed_out";
    const open = !signedOut && NOW - evs.at(-1)!.time < TIMEOUT;
    const depth = reachedAt.length;
    const outcome = depth === 3 ? "completed" : open ? "live" : depth >= 2 ? "abandoned" : "browsed";
    const declined = evs.some((e) => e.type === "shop.payment.failed" && e.data.reason === "card_declined");
    const dropReason = outcome === "completed" || outcome === "live" ? null : declined ? "declined" : signedOut ? "signed_out" : "timed_out";
    const products = new Map(evs.filter((e) => typeof e.data.productId === "string").map((e) => [e.data.productId as string, e.data.name as string]));
    return { day: new Date(evs[0]!.time).toISOString().slice(0, 10), user: evs[0]!.userid, reachedAt, depth, outcome, dropReason, products };
  });
}

const lowerMedian = (xs: number[]) => (xs.length === 0 ? null : [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!);

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

describe.each(testProviders())("analytics for a data journey beside the booking journey on %s", (provider) => {
  let t: TestStore;
  const written = shopEvents();
  const plain = plainShop(written).filter((s) => s.day >= FROM && s.day <= TO);

  beforeAll(async () => {
    t = await createTestStore(provider);
    const booking = simulateWorld({ users: 15, days: 3, seed: "journeys-analytics", start: new Date(`${FROM}T00:00:00Z`) }).map((w) => w.event);
    const cloudEvents = written.map((e) => ({
      specversion: "1.0",
      id: e.id,
      source: "shop/web",
      type: e.type,
      time: new Date(e.time).toISOString(),
      userid: e.userid,
      datacontenttype: "application/json",
      data: e.data,
    }));
    await importRecords(t.store, records([...booking, ...cloudEvents].sort((a, b) => String(a.time).localeCompare(String(b.time)))));
    await rebuildProjections(t.store, { now: () => NOW, catalog, timeoutMs: TIMEOUT });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  it("overview: sessions, distinct users and each outcome, per day with every day listed", async () => {
    const answer = await readOverviewAnswer(t.store, "shop", { from: FROM, to: TO });
    const count = (o: string) => plain.filter((s) => s.outcome === o).length;
    expect(answer.totals).toEqual({
      sessions: plain.length,
      users: new Set(plain.map((s) => s.user)).size,
      completed: count("completed"),
      abandoned: count("abandoned"),
      browsed: count("browsed"),
      live: count("live"),
    });
    expect(count("live")).toBe(3);
    expect(answer.days).toEqual(
      [FROM, "2026-07-02", TO].map((day) => {
        const of = plain.filter((s) => s.day === day);
        return {
          day,
          sessions: of.length,
          users: new Set(of.map((s) => s.user)).size,
          completed: of.filter((s) => s.outcome === "completed").length,
          abandoned: of.filter((s) => s.outcome === "abandoned").length,
        };
      }),
    );
    const empty = await readOverviewAnswer(t.store, "shop", { from: "2026-06-29", to: "2026-06-30" });
    expect(empty.days).toEqual(["2026-06-29", "2026-06-30"].map((day) => ({ day, sessions: 0, users: 0, completed: 0, abandoned: 0 })));
  });

  it.each([
    [FROM, TO],
    [FROM, FROM],
    ["2026-07-02", "2026-07-02"],
    [TO, TO],
  ])("funnel %s to %s: steps reached in order, drop-offs (ended, not completed: never live), drop reasons by label and median seconds", async (from, to) => {
    const answer = await readFunnelAnswer(t.store, shop, { from, to });
    // A session belongs to the UTC day it started, its drop-off too.
    const inRange = plain.filter((s) => s.day >= from && s.day <= to);
    expect(answer.sessions).toBe(inRange.length);
    const labels: Record<string, string> = { declined: "Payment declined", timed_out: "Inactive", signed_out: "Signed out" };
    expect(answer.steps).toEqual(
      ["viewed", "carted", "ordered"].map((key, k) => {
        const reached = inRange.filter((s) => s.depth > k);
        const stopped = inRange.filter((s) => s.depth === k + 1 && s.outcome !== "completed" && s.outcome !== "live");
        const reasons = [...new Set(stopped.map((s) => s.dropReason!))]
          .map((r) => ({ key: r, label: labels[r]!, sessions: stopped.filter((s) => s.dropReason === r).length }))
          .sort((a, b) => b.sessions - a.sessions || (a.key < b.key ? -1 : 1));
        return {
          key,
          label: SHOP_DOCUMENT.steps[k]!.label,
          sessions: reached.length,
          droppedOff: stopped.length,
          medianSecondsFromPrevious: k === 0 ? null : lowerMedian(reached.map((s) => Math.floor((s.reachedAt[k]! - s.reachedAt[k - 1]!) / 1000))),
          dropReasons: reasons,
        };
      }),
    );
  });

  it("funnel: the sessions live at a step are not its drop-offs, and the midnight session is its first day's", async () => {
    const live = plain.filter((s) => s.outcome === "live");
    expect(live.map((s) => s.depth).sort()).toEqual([1, 2, 2]);
    const { steps } = await readFunnelAnswer(t.store, shop, { from: FROM, to: TO });
    // Reached minus the next step counts them as lost: the answer is less by exactly the live ones.
    for (const k of [0, 1]) {
      expect(steps[k]!.droppedOff).toBe(steps[k]!.sessions - steps[k + 1]!.sessions - live.filter((s) => s.depth === k + 1).length);
    }
    expect(steps[1]!.dropReasons.map((r) => r.key)).toContain("declined");
    const night = plain.find((s) => s.user === "shopper-night")!;
    expect(night).toMatchObject({ day: FROM, depth: 2, outcome: "abandoned", dropReason: "timed_out" });
    const [first, second] = await Promise.all([FROM, "2026-07-02"].map((day) => readFunnelAnswer(t.store, shop, { from: day, to: day })));
    const stoppedAtCart = (day: string) => plain.filter((s) => s.day === day && s.depth === 2 && s.dropReason !== null).length;
    expect([first!.steps[1]!.droppedOff, second!.steps[1]!.droppedOff]).toEqual([stoppedAtCart(FROM), stoppedAtCart("2026-07-02")]);
  });

  it("popularity: a dimension's values by sessions, then value, with their labels and completed sessions", async () => {
    const answer = await readPopularityAnswer(t.store, "shop", "product", { from: FROM, to: TO }, 50);
    const expected = PRODUCTS.map(([value, label]) => {
      const withIt = plain.filter((s) => s.products.has(value));
      return { value, label, sessions: withIt.length, completed: withIt.filter((s) => s.outcome === "completed").length };
    }).sort((a, b) => b.sessions - a.sessions || (a.value < b.value ? -1 : 1));
    expect(answer).toEqual({ journey: "shop", dimension: "product", rows: expected });
    expect((await readPopularityAnswer(t.store, "shop", "product", { from: FROM, to: TO }, 2)).rows).toEqual(expected.slice(0, 2));
  });

  it("the sessions behind a number: by journey, depth, drop reason and dimension value", async () => {
    const range = { journey: "shop", from: FROM, to: TO };
    expect(await countMatchingSessions(t.store, range)).toBe(plain.length);
    expect(await countMatchingSessions(t.store, { ...range, depth: 2, dropReason: "declined" })).toBe(
      plain.filter((s) => s.depth === 2 && s.dropReason === "declined").length,
    );
    // The drop-off figure's own sessions: stopped there and ended without completing (the live ones are not).
    for (const depth of [1, 2]) {
      const stopped = plain.filter((s) => s.depth === depth && s.outcome !== "completed" && s.outcome !== "live").length;
      expect(await countMatchingSessions(t.store, { ...range, depth, dropped: true }), `depth ${depth}`).toBe(stopped);
      expect(stopped).toBe((await readFunnelAnswer(t.store, shop, range)).steps[depth - 1]!.droppedOff);
    }
    expect(await countMatchingSessions(t.store, { ...range, minDepth: 1, dimension: { name: "product", value: "p2" } })).toBe(
      plain.filter((s) => s.depth >= 1 && s.products.has("p2")).length,
    );
  });

  it("the booking journey's figures are its own sessions only", async () => {
    const overview = await readOverviewAnswer(t.store, "holiday-booking", { from: FROM, to: TO });
    const rows = await t.store.db.session.findMany({ where: { journey: "holiday-booking", analyticsDay: { gte: FROM, lte: TO } } });
    expect(overview.totals.sessions).toBe(rows.length);
    expect(overview.totals.sessions).toBeGreaterThan(20);
    for (const o of ["completed", "abandoned", "browsed", "live"] as const) expect(overview.totals[o], o).toBe(rows.filter((r) => r.outcome === o).length);
    const funnel = await readFunnelAnswer(t.store, bookingJourney as JourneyDefinition<unknown>, { from: FROM, to: TO });
    expect(funnel.sessions).toBe(rows.length);
    expect(funnel.steps.map((s) => s.sessions)).toEqual(bookingJourney.funnel.map((_, k) => rows.filter((r) => (r.funnelDepth ?? 0) > k).length));
  });
});
