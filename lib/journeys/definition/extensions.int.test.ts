import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCounters } from "../../analytics/read-analytics";
import { popularityAnswer } from "../../analytics/answers";
import { decodeJson } from "../../db/sql";
import { importRecords } from "../../importer/import-events";
import { applyDefinition } from "../../journey-store/apply-definition";
import { forgetLiveCatalog, liveCatalogOf, liveJourneyReads, livePersonalPaths } from "../../journey-store/live-catalog";
import { maskJourneyEvent } from "../../privacy/mask-events";
import { REVEALED } from "../../privacy/mask";
import { currentMasker, forgetMasker } from "../../privacy/policy-store";
import { latestResume } from "../../resume/find-resume";
import { readJourneyEventsAt } from "../../eventstore/journey-events";
import { buildUntilSwitched } from "../../sessions/generations";
import { createTestStore, testProviders, type TestStore } from "../../testing/test-stores";
import type { JourneyDocument } from "./definition-schema";
import { maskDimensionRowsWith, maskPersonalFacts } from "./personal-reads";

/**
 * A definition reading extension attributes (a campaign in `comexample`, the trace in `traceparent`,
 * the landing page inside Segment's `segmentcontext`), folded by the real projector from a stored
 * definition, against a plain loop over the raw events; and what of it may leave the server.
 */
const DAY0 = Date.UTC(2026, 5, 1, 9);
const TIMEOUT = 30 * 60_000;
const NOW = DAY0 + 10 * 86_400_000;
const CAMPAIGNS = ["spring", "summer", undefined] as const;

const DOCUMENT: JourneyDocument = {
  name: "ext-shop",
  label: "Shop visits with campaigns",
  priority: 20,
  claims: { types: ["ext.*"], sources: ["*"] },
  steps: [
    { key: "viewed", label: "Viewed a product", when: { type: "ext.product.viewed" } },
    { key: "carted", label: "Added to cart", when: { type: "ext.cart.added" } },
    { key: "ordered", label: "Ordered", when: { type: "ext.order.completed" } },
  ],
  outcome: { completed: "ordered", abandonedAfter: "carted" },
  facts: [
    { key: "campaign", label: "Campaign", from: "comexample", keep: "last" },
    { key: "trace", label: "Trace", from: "traceparent", keep: "first" },
    { key: "landing", label: "Landing page", from: "segmentcontext.page.url", keep: "first" },
    { key: "buyer", label: "Bought by", from: "data.customer.name", keep: "last" },
  ],
  describe: { "ext.product.viewed": "Viewed {data.productId} from {comexample} by {data.customer.name}" },
  dimensions: [
    { key: "campaign", label: "Campaign", from: "comexample" },
    { key: "buyer", label: "Buyer", from: "data.customer.name" },
  ],
  resume: { url: "https://shop.example/cart?c={facts.campaign}&b={facts.buyer}&t={token}" },
  people: { name: ["data.customer.name"], searchTerms: ["traceparent"] },
};

interface Raw {
  id: string;
  type: string;
  time: number;
  userid: string;
  sessionid: string;
  data: Record<string, unknown>;
  ext: Record<string, string>;
}

/** Each user: one session a day, some events carrying a campaign, the first a trace and a Segment context. */
function world(): Raw[] {
  const out: Raw[] = [];
  for (let u = 0; u < 12; u++) {
    for (let s = 0; s < 2; s++) {
      const sessionid = `u${u}-s${s}`;
      let time = DAY0 + s * 86_400_000 + u * 60_000;
      const add = (type: string, data: Record<string, unknown>, ext: Record<string, string>) => {
        out.push({ id: `${sessionid}-${out.length}`, type, time, userid: `user-${u}`, sessionid, data, ext });
        time += 30_000;
      };
      const campaign = CAMPAIGNS[(u + s) % 3];
      const first = { traceparent: `00-${u}${s}abc-01`, segmentcontext: JSON.stringify({ ip: "10.0.0.1", page: { url: `https://shop.example/p/${u}` } }) };
      add("ext.product.viewed", { productId: `p${u % 4}`, customer: { name: `Ada Buyer${u}` } }, { ...first, ...(campaign ? { comexample: campaign } : {}) });
      if ((u + s) % 2 === 0) add("ext.cart.added", { productId: `p${u % 4}` }, campaign && u % 3 === 0 ? { comexample: `${campaign}-late` } : {});
      if (u % 4 === 0 && s === 1) add("ext.order.completed", { customer: { name: `Ada Buyer${u}` } }, {});
    }
  }
  return out;
}

/** The plain loop: per session, the facts and the campaign dimension from its raw events. */
function expected(raw: Raw[]) {
  const bySession = new Map<string, Raw[]>();
  for (const e of raw) bySession.set(e.sessionid, [...(bySession.get(e.sessionid) ?? []), e]);
  return [...bySession].map(([sessionid, events]) => {
    const facts: Record<string, string> = {};
    const campaigns: string[] = [];
    for (const e of events) {
      if (e.ext.comexample) {
        facts.campaign = e.ext.comexample;
        if (!campaigns.includes(e.ext.comexample)) campaigns.push(e.ext.comexample);
      }
      if (e.ext.traceparent && facts.trace === undefined) facts.trace = e.ext.traceparent;
      if (e.ext.segmentcontext && facts.landing === undefined) facts.landing = JSON.parse(e.ext.segmentcontext).page.url;
      const name = (e.data.customer as { name?: string } | undefined)?.name;
      if (name) facts.buyer = name;
    }
    // Steps count only in order: an order without a cart before it completes nothing.
    const steps = ["ext.product.viewed", "ext.cart.added", "ext.order.completed"];
    let depth = 0;
    for (const e of events) if (depth < 3 && e.type === steps[depth]) depth++;
    const completed = depth === 3;
    return { sessionid, userid: events[0]!.userid, day: new Date(events[0]!.time).toISOString().slice(0, 10), facts, campaigns, completed };
  });
}

describe.each(testProviders())("a definition reading extension attributes, on %s", (provider) => {
  let t: TestStore;
  const raw = world();
  const want = expected(raw);

  beforeAll(async () => {
    t = await createTestStore(provider);
    forgetLiveCatalog();
    forgetMasker();
    async function* records() {
      for (const [i, e] of raw.entries()) {
        const { ext, ...rest } = e;
        yield { line: i + 1, value: { specversion: "1.0", source: "shop/web", ...rest, ...ext, time: new Date(e.time).toISOString() } };
      }
    }
    expect((await importRecords(t.store, records())).appended).toBe(raw.length);
    const applied = await applyDefinition(t.store, JSON.stringify(DOCUMENT), "test");
    if (!applied.applied) throw new Error("not applied");
    await buildUntilSwitched(t.store, applied.generation.id, { now: () => NOW, timeoutMs: TIMEOUT, pageSize: 7 });
    forgetLiveCatalog();
    expect((await liveCatalogOf(t.store)).byName("ext-shop")).not.toBeNull();
  }, 120_000);
  afterAll(async () => {
    forgetLiveCatalog();
    forgetMasker();
    await t?.dispose();
  });

  it("folds facts and dimensions read from extensions as the plain loop over the raw events", async () => {
    const rows = await t.store.db.$queryRawUnsafe<{ producer_session_id: string; journey: string; final_state: unknown; analytics: unknown }[]>(
      `SELECT "producer_session_id", "journey", "final_state", "analytics" FROM "sessions"`,
    );
    const byId = new Map(rows.map((r) => [r.producer_session_id, r]));
    expect(byId.size).toBe(want.length);
    for (const w of want) {
      const r = byId.get(w.sessionid)!;
      const dimensions = decodeJson<{ dimensions: Record<string, { value: string }[]> }>(r.analytics).dimensions;
      expect({
        session: w.sessionid,
        journey: r.journey,
        facts: decodeJson<{ facts: unknown }>(r.final_state).facts,
        campaigns: dimensions.campaign!.map((d) => d.value),
      }).toEqual({
        session: w.sessionid,
        journey: "ext-shop",
        facts: w.facts,
        campaigns: w.campaigns,
      });
    }
    expect(want.some((w) => w.campaigns.length === 2)).toBe(true);

    const counters = await readCounters(t.store, "ext-shop", "2026-06-01", "2026-06-30", ["dimension", "dimension-completed"]);
    const got = Object.fromEntries(counters.filter((c) => c.k1 === "campaign" && c.n !== 0).map((c) => [`${c.kind}|${c.k2}`, c.n]));
    const loop: Record<string, number> = {};
    for (const w of want) {
      for (const c of w.campaigns) {
        loop[`dimension|${c}`] = (loop[`dimension|${c}`] ?? 0) + 1;
        if (w.completed) loop[`dimension-completed|${c}`] = (loop[`dimension-completed|${c}`] ?? 0) + 1;
      }
    }
    expect(got).toEqual(loop);
  });

  it("masks what a personal path fed (a fact under any key, a dimension, a description, a resume URL) without the reveal; shows it revealed", async () => {
    const paths = await livePersonalPaths(t.store);
    expect(paths).toEqual(["data.customer.name", "traceparent"]);
    const masker = await currentMasker(t.store, Date.now(), paths, await liveJourneyReads(t.store));
    const someone = want.find((w) => !w.completed && raw.some((e) => e.sessionid === w.sessionid && e.type === "ext.cart.added"))!;

    // The resume API's answer and the session's resume point: the buyer (people) and the trace (a people extension) masked, the campaign not.
    const found = (await latestResume(t.store, someone.userid, NOW))!;
    const row = (await t.store.db.session.findUnique({ where: { id: found.answer.sessionId } }))!;
    const carted = want.find((w) => w.sessionid === row.producerSessionId)!;
    expect(found.answer.resume.facts).toMatchObject({ buyer: carted.facts.buyer, trace: carted.facts.trace });
    const shown = masker.state(found.answer.resume);
    expect(shown.facts.buyer).toBe(`A${carted.facts.buyer!.slice(1).replace(/[A-Za-z0-9]/g, "•")}`);
    expect(shown.facts.trace).toBe(carted.facts.trace!.replace(/[A-Za-z0-9]/g, "•"));
    expect(shown.facts.campaign).toBe(found.answer.resume.facts.campaign);
    expect(shown.facts.landing).toBe(carted.facts.landing);
    expect(REVEALED.state(found.answer.resume)).toEqual(found.answer.resume);

    // The state panel's snapshot state: the same facts, by key.
    const point = masker.state(row.resumePoint as { chosen: Record<string, string> });
    expect(point.chosen["Bought by"]).not.toBe(carted.facts.buyer);
    expect(point.chosen["Bought by"]).toContain("••");

    // A resume URL: the personal fact masked, as `{userid}` is replaced where personal.
    const document = (await liveCatalogOf(t.store)).byName("ext-shop")!.document;
    const urlFacts = maskPersonalFacts(masker, document, found.answer.resume.facts);
    expect(urlFacts.buyer).toBe(shown.facts.buyer);
    expect(urlFacts.campaign).toBe(found.answer.resume.facts.campaign);
    expect(maskPersonalFacts(REVEALED, document, found.answer.resume.facts)).toEqual(found.answer.resume.facts);

    // Analytics: the buyer dimension's values masked, the campaign's as folded.
    const counters = await readCounters(t.store, "ext-shop", "2026-06-01", "2026-06-30", ["dimension", "dimension-completed", "dimension-label"]);
    const buyers = popularityAnswer("ext-shop", "buyer", counters, 100).rows;
    expect(buyers.length).toBeGreaterThan(0);
    for (const r of maskDimensionRowsWith(masker, document, "buyer", buyers)) {
      expect(r.value).toMatch(/^A•• ••••••\d*•*$|^A[•\s]+$/);
      expect(r.label).toBe(r.value);
    }
    const campaigns = popularityAnswer("ext-shop", "campaign", counters, 100).rows;
    expect(maskDimensionRowsWith(masker, document, "campaign", campaigns)).toEqual(campaigns);

    // A description: the template quotes the masked event, the extension it names that is not personal as it is.
    const [viewed] = await readJourneyEventsAt(t.store, [1]);
    const journey = (await liveCatalogOf(t.store)).byName("ext-shop")!;
    const words = journey.describe(maskJourneyEvent(masker, viewed!));
    expect(words).not.toContain(raw[0]!.data.customer && (raw[0]!.data.customer as { name: string }).name);
    expect(words).toBe(`Viewed p0 from ${raw[0]!.ext.comexample} by A•• ••••••`);
    expect(journey.describe(maskJourneyEvent(REVEALED, viewed!))).toBe(`Viewed p0 from ${raw[0]!.ext.comexample} by Ada Buyer0`);
  });
});
