import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJson } from "../../db/sql";
import { importRecords } from "../../importer/import-events";
import { readCounters } from "../../analytics/read-analytics";
import { closeIdleSessions, rebuildProjections } from "../../sessions/projector";
import { searchUserIds } from "../../sessions/read-sessions";
import { createRandom } from "../../simulate/random";
import { SHOP_DOCUMENT } from "../../testing/shop-journey";
import { createTestStore, testProviders, type TestStore } from "../../testing/test-stores";
import { bookingJourney } from "../booking/booking-journey";
import { catalogOf } from "../catalog";
import { dataJourney } from "./data-journey";

/**
 * The shop journey (the example) folded by the real projector, with a catalog holding it
 * and the booking journey, against a plain loop over the raw events of this test's own world.
 */
const DAY0 = Date.UTC(2026, 5, 1, 9);
const HOUR = 3_600_000;
const TIMEOUT = 30 * 60_000;
const END = DAY0 + 4 * 24 * HOUR; // the last sessions start here and are still open at NOW
const NOW = END + 10 * 60_000;
const PRODUCTS = [
  ["p1", "Red shoes"],
  ["p2", "Blue hat"],
  ["p3", "Green scarf"],
] as const;

interface Raw {
  id: string;
  source: string;
  type: string;
  time: number;
  userid: string;
  sessionid: string;
  data: Record<string, unknown>;
}

/** A seeded world: each user has sessions (a producer session id each) of shop events, some starting as a booking. */
function world(): Raw[] {
  const random = createRandom("data-journey");
  const out: Raw[] = [];
  for (let u = 0; u < 24; u++) {
    const userid = `shopper-${u}`;
    for (let s = 0; s < 4; s++) {
      const sessionid = `${userid}-s${s}`;
      let time = s === 3 && u % 3 === 0 ? END : DAY0 + s * 24 * HOUR + u * 60_000;
      const add = (type: string, data: Record<string, unknown> = {}, source = "shop/web") => {
        out.push({ id: `${sessionid}-${out.length}`, source, type, time, userid, sessionid, data });
        time += random.int(5, 90) * 1000;
      };
      if (random.chance(0.15)) add("search.destinations.searched", { destination: "Lisbon", code: "LIS" }, "search-service");
      if (random.chance(0.3)) add("page.viewed", { path: "/" });
      for (let step = 0; step < random.int(1, 9); step++) {
        const [productId, name] = random.pick(PRODUCTS);
        const kind = random.weighted([
          ["view", 5],
          ["cart", 3],
          ["fail", 1],
          ["order", 1],
          ["nameless", 1],
        ] as const);
        if (kind === "view") add("shop.product.viewed", { productId, name });
        if (kind === "nameless") add("shop.product.viewed", { productId });
        if (kind === "cart") add("shop.cart.added", { productId });
        if (kind === "fail") add("shop.payment.failed", { reason: random.pick(["card_declined", "timeout"]) });
        if (kind === "order") {
          add("shop.order.completed", {
            total: random.chance(0.8) ? random.int(5, 200) : "n/a",
            orderRef: `OR-${u}-${s}`,
            customer: { name: `Shopper ${u}`, email: `shopper${u}@example.com` },
          });
        }
      }
      if (random.chance(0.2)) add("shop.user.signed_out");
    }
  }
  return out;
}

/** What each session must be, by a plain loop over its raw events (grouped by producer session id). */
function expected(raw: Raw[], closedAt: number) {
  const bySession = new Map<string, Raw[]>();
  for (const e of raw) bySession.set(e.sessionid, [...(bySession.get(e.sessionid) ?? []), e]);
  const steps = ["shop.product.viewed", "shop.cart.added", "shop.order.completed"];
  return [...bySession].map(([sessionid, events]) => {
    const first = events.find((e) => e.type.startsWith("shop.") || e.type.startsWith("search."))!;
    const journey = first.type.startsWith("shop.") ? "shop" : "holiday-booking";
    const signedOut = events.at(-1)!.type === "shop.user.signed_out";
    const open = !signedOut && closedAt - events.at(-1)!.time <= TIMEOUT;
    let depth = 0;
    let product: string | undefined;
    let items = 0;
    let value: number | undefined;
    let drop: string | null = null;
    const dims = new Map<string, string | null>();
    for (const e of events) {
      if (depth < 3 && e.type === steps[depth]) depth++;
      if (typeof e.data.productId === "string") {
        product = e.data.productId;
        const label = typeof e.data.name === "string" ? e.data.name : null;
        if (!dims.has(product) || dims.get(product) === null) dims.set(product, label);
      }
      if (e.type === "shop.cart.added") items++;
      if (typeof e.data.total === "number") value = (value ?? 0) + e.data.total;
      if (e.type === "shop.payment.failed" && e.data.reason === "card_declined") drop = "declined";
    }
    const outcome = depth === 3 ? "completed" : open ? "live" : depth >= 2 ? "abandoned" : "browsed";
    const endReason = signedOut ? "signed_out" : "timed_out";
    return {
      sessionid,
      day: new Date(events[0]!.time).toISOString().slice(0, 10),
      userid: events[0]!.userid,
      journey,
      outcome,
      outcomeLabel: outcome === "completed" ? "Ordered" : outcome,
      depth,
      facts: { ...(product ? { product } : {}), ...(items ? { items } : {}), ...(value !== undefined ? { value } : {}) },
      dimensions: [...dims].map(([v, label]) => ({ value: v, label })),
      dropReason: outcome === "completed" || outcome === "live" ? null : (drop ?? endReason),
    };
  });
}

interface Row {
  producer_session_id: string;
  journey: string;
  outcome: string;
  outcome_label: string;
  funnel_depth: number;
  drop_reason: string | null;
  final_state: unknown;
  analytics: unknown;
}

describe.each(testProviders())("a journey described as data, projected on %s", (provider) => {
  let t: TestStore;
  const raw = world();
  const catalog = catalogOf([dataJourney(SHOP_DOCUMENT), bookingJourney as never]);

  beforeAll(async () => {
    t = await createTestStore(provider);
    async function* records() {
      for (const [i, e] of raw.entries()) {
        yield { line: i + 1, value: { specversion: "1.0", ...e, time: new Date(e.time).toISOString(), datacontenttype: "application/json" } };
      }
    }
    const imported = await importRecords(t.store, records());
    expect(imported.appended).toBe(raw.length);
    await rebuildProjections(t.store, { now: () => NOW, timeoutMs: TIMEOUT, catalog });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
  });

  const stored = async () =>
    t.store.db.$queryRawUnsafe<Row[]>(
      `SELECT "producer_session_id", "journey", "outcome", "outcome_label", "funnel_depth", "drop_reason", "final_state", "analytics" FROM "sessions"`,
    );

  async function expectSessionsAsThePlainLoop(closedAt: number) {
    const want = expected(raw, closedAt);
    const rows = new Map((await stored()).map((r) => [r.producer_session_id, r]));
    expect(rows.size).toBe(want.length);
    for (const w of want) {
      const r = rows.get(w.sessionid)!;
      expect({ session: w.sessionid, journey: r.journey }).toEqual({ session: w.sessionid, journey: w.journey });
      if (w.journey !== "shop") continue;
      const analytics = decodeJson<{ dimensions: Record<string, unknown>; dropReason: string | null }>(r.analytics);
      expect({
        session: w.sessionid,
        outcome: r.outcome,
        outcomeLabel: r.outcome_label,
        depth: r.funnel_depth,
        dropReason: r.drop_reason,
        factsDrop: analytics.dropReason,
        facts: decodeJson<{ facts: unknown }>(r.final_state).facts,
        dimensions: analytics.dimensions,
      }).toEqual({
        session: w.sessionid,
        outcome: w.outcome,
        outcomeLabel: w.outcomeLabel,
        depth: w.depth,
        dropReason: w.dropReason,
        factsDrop: w.dropReason,
        facts: w.facts,
        dimensions: { product: w.dimensions },
      });
    }
    return want.filter((w) => w.journey === "shop");
  }

  async function expectCountersAsThePlainLoop(shop: ReturnType<typeof expected>) {
    const counters = await readCounters(t.store, "shop", "2026-06-01", "2026-06-30", [
      "sessions",
      "users",
      "outcome",
      "funnel",
      "drop",
      "dimension",
      "dimension-completed",
      "dimension-label",
    ]);
    const got = new Map(counters.filter((c) => c.n !== 0).map((c) => [`${c.kind}|${c.k1}|${c.k2}`, c.n]));
    const want = new Map<string, number>();
    const add = (key: string, n = 1) => want.set(key, (want.get(key) ?? 0) + n);
    const usersByDay = new Map<string, Set<string>>();
    for (const s of shop) {
      add("sessions||");
      add(`outcome|${s.outcome}|`);
      usersByDay.set(s.day, new Set([...(usersByDay.get(s.day) ?? []), s.userid]));
      for (let step = 0; step < s.depth; step++) {
        add(`funnel|${step}|`);
        if (s.dimensions.length === 0) add(`funnel|${step}|product=unknown`);
        for (const d of s.dimensions) add(`funnel|${step}|product=${d.value}`);
      }
      if (s.dropReason) add(`drop|${s.depth}|${s.dropReason}`);
      for (const d of s.dimensions) {
        add(`dimension|product|${d.value}`);
        if (s.outcome === "completed") add(`dimension-completed|product|${d.value}`);
        if (d.label) add(`dimension-label|product|${JSON.stringify([d.value, d.label])}`);
      }
    }
    for (const users of usersByDay.values()) add("users||", users.size);
    expect(Object.fromEntries([...got].sort())).toEqual(Object.fromEntries([...want].sort()));
  }

  it("folds each session with its journey: outcome, its label, facts, dimensions and drop reason as the plain loop", async () => {
    const shop = await expectSessionsAsThePlainLoop(NOW);
    expect(new Set(shop.map((s) => s.outcome))).toEqual(new Set(["completed", "live", "abandoned", "browsed"]));
    expect(shop.some((s) => s.dropReason === "declined")).toBe(true);
    await expectCountersAsThePlainLoop(shop);
  });

  it("closes idle sessions with the catalog's journey: the drop reason comes from the state", async () => {
    const later = NOW + 2 * HOUR;
    expect(await closeIdleSessions(t.store, { now: () => later, timeoutMs: TIMEOUT, catalog })).toBeGreaterThan(0);
    const shop = await expectSessionsAsThePlainLoop(later);
    expect(shop.some((s) => s.outcome === "live")).toBe(false);
    await expectCountersAsThePlainLoop(shop);
  });

  it("finds a customer by the people paths of the shop journey", async () => {
    expect(await searchUserIds(t.store, "shopper3@example.com")).toEqual(raw.some((e) => e.userid === "shopper-3" && e.data.orderRef) ? ["shopper-3"] : []);
  });
});
