import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FunnelAnswer } from "../analytics/api-schemas";
import { readFunnelAnswer, readOverviewAnswer, readPopularityAnswer } from "../analytics/read-answers";
import type { Store } from "../db/prisma";
import { catalogOf } from "../journeys/catalog";
import { validateJourneyDocument } from "../journeys/definition/definition-schema";
import { dataJourney } from "../journeys/definition/data-journey";
import type { JourneyDefinition } from "../journeys/journey-definition";
import { bookingJourney } from "../journeys/booking/booking-journey";
import { rebuildProjections } from "../sessions/projector";
import { OTTO_FIXTURE, realDataDir, realDataSkipped } from "../testing/realdata";
import { referenceFunnel, referenceOverview, referencePopularity } from "../testing/reference-figures";
import { type Outcome, ottoReference, type ReferenceSession, trivagoReference } from "../testing/reference-sessions";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { importRecords } from "./import-events";
import { IMPORT_FORMATS } from "./import-formats";

/**
 * The real data imported with `rewind import --format`, folded with the example definitions by the
 * projector, read back through the analytics API's answers (lib/analytics/read-answers.ts), and compared with a plain
 * loop over the raw files (lib/testing/reference-sessions.ts): outcomes, overview, funnel and
 * popularity must be equal, figure for figure.
 */
const NOW = Date.parse("2030-01-01T00:00:00Z");
const root = join(__dirname, "../..");
const TRIVAGO_FILES = ["train_small.csv", "test_small.csv", "train500_sooah.csv"];

function example(name: string): JourneyDefinition<unknown> {
  const result = validateJourneyDocument(JSON.parse(readFileSync(join(root, "journeys/examples", `${name}.json`), "utf8")));
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return dataJourney(result.document) as JourneyDefinition<unknown>;
}

const journeys = ["trivago-recsys2019", "otto", "segment-ecommerce"].map(example);
const catalog = catalogOf([bookingJourney as JourneyDefinition<unknown>, ...journeys]);
const journey = (name: string) => catalog.byName(name)!;

/** The API's funnel without its words, which the reference does not carry (the labels are checked against the definition). */
function unlabelled(funnel: FunnelAnswer) {
  return { ...funnel, steps: funnel.steps.map(({ label: _l, ...s }) => ({ ...s, dropReasons: s.dropReasons.map(({ label: _r, ...r }) => r) })) };
}

async function outcomesInStore(store: Store, name: string) {
  const rows = await store.db.session.groupBy({ by: ["outcome"], where: { journey: name }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.outcome, r._count._all]));
}

function outcomesOf(sessions: ReferenceSession[]) {
  const out: Record<string, number> = {};
  for (const s of sessions) out[s.outcome] = (out[s.outcome] ?? 0) + 1;
  return out;
}

describe.each(testProviders())("the real data through the example journeys on %s", (provider) => {
  let t: TestStore;
  const trivagoPaths = realDataSkipped() ? [] : TRIVAGO_FILES.map((f) => join(realDataDir(), "trivago_recsys2019", f));

  beforeAll(async () => {
    t = await createTestStore(provider);
    for (const path of trivagoPaths) expect(await importRecords(t.store, IMPORT_FORMATS["trivago-recsys2019"](path))).toMatchObject({ refusedCount: 0 });
    expect(await importRecords(t.store, IMPORT_FORMATS.otto(OTTO_FIXTURE))).toMatchObject({ refusedCount: 0 });
    await rebuildProjections(t.store, { now: () => NOW, catalog });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("leaves no imported session to the generic journey", async () => {
    const expected = ottoReference(OTTO_FIXTURE, NOW).length + (trivagoPaths.length > 0 ? trivagoReference(trivagoPaths, NOW).length : 0);
    expect(await t.store.db.session.count()).toBe(expected);
    expect(await t.store.db.session.count({ where: { journey: "generic" } })).toBe(0);
  });

  const cases = [
    {
      name: "otto",
      skip: false,
      reference: () => ottoReference(OTTO_FIXTURE, NOW),
      ranges: [
        ["2022-07-31", "2022-08-28"],
        ["2022-08-02", "2022-08-09"],
      ],
    },
    {
      name: "trivago-recsys2019",
      skip: realDataSkipped(),
      reference: () => trivagoReference(trivagoPaths, NOW),
      ranges: [
        ["2018-11-01", "2018-11-08"],
        ["2018-11-07", "2018-11-07"],
      ],
    },
  ];

  describe.each(cases)("$name", ({ name, skip, reference, ranges }) => {
    it.skipIf(skip)("gives every session the journey and the outcome the plain loop gives", async () => {
      const sessions = reference();
      expect(await t.store.db.session.count({ where: { journey: name } })).toBe(sessions.length);
      expect(await outcomesInStore(t.store, name)).toEqual(outcomesOf(sessions));
      // Each in the journey's own words too (the examples name all four outcomes).
      const labelled = await t.store.db.session.groupBy({ by: ["outcome", "outcomeLabel"], where: { journey: name } });
      expect(labelled.map((r) => [r.outcome, r.outcomeLabel]).sort()).toEqual(
        Object.keys(outcomesOf(sessions))
          .map((o) => [o, journey(name).outcomeLabel(journey(name).initialState(), o as Outcome)])
          .sort(),
      );
    });

    it.skipIf(skip).each(ranges)("answers the overview and the funnel from %s to %s as the plain loop does", async (from, to) => {
      const sessions = reference();
      // What GET /api/analytics/overview and /funnel answer (lib/data/analytics-api.ts reads these on the server's store).
      expect(await readOverviewAnswer(t.store, name, { from, to })).toEqual(referenceOverview(sessions, name, from, to));
      const funnel = await readFunnelAnswer(t.store, journey(name), { from, to });
      expect(unlabelled(funnel)).toEqual(referenceFunnel(sessions, name, journey(name).funnel, from, to));
      expect(funnel.steps.map((s) => s.label)).toEqual(journey(name).funnel.map((s) => s.label));
    });

    it.skipIf(skip)("answers the popularity of every dimension as the plain loop does", async () => {
      const sessions = reference();
      const [from, to] = ranges[0]!;
      for (const { key } of journey(name).dimensions) {
        const answer = await readPopularityAnswer(t.store, name, key, { from: from!, to: to! }, 1_000);
        expect(
          answer.rows.map(({ label: _l, ...r }) => r),
          key,
        ).toEqual(referencePopularity(sessions, name, key, from!, to!, 1_000).rows);
        // No dimension of these examples names its values (no labelFrom): a value is its own label.
        expect(answer.rows.filter((r) => r.label !== r.value)).toEqual([]);
      }
      // The default page of 50 is the first 50 rows of the same order.
      const first = journey(name).dimensions[0]!.key;
      expect((await readPopularityAnswer(t.store, name, first, { from: from!, to: to! }, 50)).rows.map((r) => r.value)).toEqual(
        referencePopularity(sessions, name, first, from!, to!, 50).rows.map((r) => r.value),
      );
    });
  });
});
