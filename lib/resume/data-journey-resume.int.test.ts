import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { catalogOf } from "../journeys/catalog";
import { dataJourney } from "../journeys/definition/data-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { rebuildProjections } from "../sessions/projector";
import { SHOP_DOCUMENT } from "../testing/shop-journey";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { continueUrlOf } from "./continue-url";
import { latestResume } from "./find-resume";

const DAY = 86_400_000;
const START = Date.parse("2026-06-01T10:00:00Z");
const NOW = START + 30 * DAY;
const URL_TEMPLATE = "https://shop.example/cart?product={facts.product}&n={facts.items}&v={facts.value}&u={userid}&s={sessionid}&t={token}";
const shop = dataJourney({ ...SHOP_DOCUMENT, resume: { url: URL_TEMPLATE } });
const catalog = catalogOf([bookingJourney as JourneyDefinition<unknown>, shop as JourneyDefinition<unknown>]);

type Visit = [type: string, data: Record<string, unknown>][];

/** Each customer's visits, one a day (a day apart is far past the inactivity timeout). */
const VISITS: Record<string, Visit[]> = {
  // stopped with a product in the cart: two views, one added
  "usr-carted": [
    [
      ["shop.product.viewed", { productId: "p-1", name: "Mug" }],
      ["shop.product.viewed", { productId: "p 2/x&y", name: "Lamp" }],
      ["shop.cart.added", { productId: "p 2/x&y" }],
    ],
  ],
  // ordered: nothing to resume
  "usr-ordered": [
    [
      ["shop.product.viewed", { productId: "p-3" }],
      ["shop.cart.added", { productId: "p-3" }],
      ["shop.order.completed", { total: 40 }],
    ],
  ],
  // carted one day, ordered the next: the first visit can no longer be continued
  "usr-later": [
    [
      ["shop.product.viewed", { productId: "p-4" }],
      ["shop.cart.added", { productId: "p-4" }],
    ],
    [
      ["shop.product.viewed", { productId: "p-4" }],
      ["shop.cart.added", { productId: "p-4" }],
      ["shop.order.completed", { total: 12.5 }],
    ],
  ],
  // ordered without the steps before it, the next day: steps count only in order, so it completed nothing
  "usr-skipped": [
    [
      ["shop.product.viewed", { productId: "p-6" }],
      ["shop.cart.added", { productId: "p-6" }],
    ],
    [["shop.order.completed", { total: 3 }]],
  ],
  // only looked
  "usr-looked": [[["shop.product.viewed", { productId: "p-5", total: "not a number" }]]],
};

function cloudEvents() {
  return Object.entries(VISITS).flatMap(([user, visits]) =>
    visits.flatMap((visit, day) =>
      visit.map(([type, data], i) => ({
        specversion: "1.0",
        id: `${user}-${day}-${i}`,
        source: "shop/web",
        type,
        subject: `cart/${user}`,
        userid: user,
        time: new Date(START + day * DAY + i * 60_000).toISOString(),
        data,
      })),
    ),
  );
}

const steps = SHOP_DOCUMENT.steps;

/** Steps reached in order: step k at its first match after the event that reached step k-1. */
function reachedOf(visit: Visit): number {
  let reached = 0;
  for (const [type] of visit) if (reached < steps.length && type === steps[reached]!.when.type) reached += 1;
  return reached;
}

/** By another route: a plain loop over one visit's raw events, as the definition's meanings say. */
function expectedResume(visit: Visit, later: Visit[]) {
  const reached = reachedOf(visit);
  let product: string | undefined;
  let items = 0;
  let value = 0;
  let valued = false;
  for (const [type, data] of visit) {
    if (typeof data.productId === "string") product = data.productId;
    if (type === "shop.cart.added") items += 1;
    if (typeof data.total === "number") {
      value += data.total;
      valued = true;
    }
  }
  if (reached === 0 || reached === steps.length) return null;
  // A fact no event fed is unset (a count too: the fold starts it at the first matching event).
  const facts: Record<string, string> = {
    ...(product !== undefined ? { product } : {}),
    ...(items > 0 ? { items: String(items) } : {}),
    ...(valued ? { value: String(value) } : {}),
  };
  const completedLater = later.some((v) => reachedOf(v) === steps.length);
  return {
    canContinue: !completedLater,
    step: steps[reached - 1]!.key,
    stepLabel: steps[reached - 1]!.label,
    facts,
    remaining: steps.slice(reached).map((s) => s.label),
    noLongerHolds: completedLater ? [{ code: "completed_since", message: expect.any(String), blocking: true }] : [],
  };
}

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

describe.each(testProviders())("resume of a data journey on %s", (provider) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(cloudEvents()));
    await rebuildProjections(t.store, { now: () => NOW, catalog });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("answers every customer's latest unfinished visit in the common shape, as a plain loop over the raw events says", async () => {
    for (const [user, visits] of Object.entries(VISITS)) {
      // The latest visit with something to resume, newest first.
      const index = visits.map((v, day) => ({ day, resume: expectedResume(v, visits.slice(day + 1)) })).findLast((v) => v.resume !== null);
      const found = await latestResume(t.store, user, NOW);
      if (!index) {
        expect(found, user).toBeNull();
        continue;
      }
      const visit = visits[index.day]!;
      const session = await t.store.db.session.findFirstOrThrow({ where: { userId: user, startedAt: new Date(START + index.day * DAY) } });
      expect(found!.answer, user).toEqual({
        userId: user,
        sessionId: session.id,
        journey: "shop",
        stoppedAt: new Date(START + index.day * DAY + (visit.length - 1) * 60_000).toISOString(),
        resume: index.resume,
      });
      expect(Object.keys(found!.answer.resume)).toEqual(["canContinue", "step", "stepLabel", "facts", "remaining", "noLongerHolds"]);
    }
  });

  it("fills the journey's resume URL from the answer, every value URL-encoded", async () => {
    const found = await latestResume(t.store, "usr-carted", NOW);
    const { answer } = found!;
    const url = continueUrlOf(
      answer.resume,
      { resumeUrl: shop.resumeUrl, bookingTemplate: "https://unused.example/" },
      {
        userKey: "usr-carted",
        sessionId: answer.sessionId,
        token: "tok.en",
      },
    );
    expect(url).toBe(`https://shop.example/cart?product=p%202%2Fx%26y&n=1&v=&u=usr-carted&s=${encodeURIComponent(answer.sessionId)}&t=tok.en`);
    expect(found!.chosen).toEqual({ Product: "p 2/x&y", "Items added": "1" });
  });

  it("refuses Continue for a visit completed since", async () => {
    const found = await latestResume(t.store, "usr-later", NOW);
    expect(found!.answer.resume.canContinue).toBe(false);
    expect(continueUrlOf(found!.answer.resume, { resumeUrl: shop.resumeUrl, bookingTemplate: "" }, { userKey: "u", sessionId: "s", token: "t" })).toBeNull();
  });
});
