import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { buildUntilSwitched, liveGeneration, versionOfJourney } from "../sessions/generations";
import { simulateWorld } from "../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { applyDefinition } from "./apply-definition";
import { definitionHistory } from "./definition-store";
import { forgetLiveCatalog, liveCatalogOf } from "./live-catalog";
import { rollBackJourneys } from "./roll-back";
import { BOOKING_FOLD_VERSION } from "../journeys/built-in-folds";

const SHOP = readFileSync("lib/testing/fixtures/shop-journey.json", "utf8");
const RELABELLED = JSON.stringify({ ...JSON.parse(SHOP), label: "Shop, relabelled" }, null, 2);
const NOW = () => Date.parse("2026-06-20T00:00:00Z");

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

describe.each(testProviders())("a rollback in the definitions' history on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    const world = simulateWorld({ users: 4, days: 2, seed: "history", start: new Date("2026-06-01T00:00:00Z") }).map((w) => w.event);
    await importRecords(t.store, records(world));
  });
  afterAll(async () => {
    forgetLiveCatalog();
    await t?.dispose();
  });

  async function apply(text: string) {
    const result = await applyDefinition(t.store, text, "ada@rewind.test");
    if (!result.applied) throw new Error("not applied");
    await buildUntilSwitched(t.store, result.generation.id, { now: NOW });
  }

  it("records a new version whose document is the one rolled back to, and the live generation names it", async () => {
    await apply(SHOP);
    await apply(RELABELLED);
    expect((await liveGeneration(t.store)).definitions).toEqual({ shop: 2, "@booking": BOOKING_FOLD_VERSION });

    await rollBackJourneys(t.store, "bob@rewind.test", { now: NOW });
    const live = await liveGeneration(t.store);
    expect(live.definitions).toEqual({ shop: 3, "@booking": BOOKING_FOLD_VERSION });
    expect(versionOfJourney(live, "shop")).toBe(3);
    const [head, , first] = await definitionHistory(t.store, "shop");
    expect(head).toMatchObject({ version: 3, changedBy: "bob@rewind.test", summary: "rolled back to v1", source: first!.source });
    forgetLiveCatalog();
    expect((await liveCatalogOf(t.store)).byName("shop")?.label).toBe("Shop visits");

    // Rolling back again brings the relabelled generation back: version 4 is version 2's document.
    await rollBackJourneys(t.store, "bob@rewind.test", { now: NOW });
    expect((await liveGeneration(t.store)).definitions).toEqual({ shop: 4, "@booking": BOOKING_FOLD_VERSION });
    const history = await definitionHistory(t.store, "shop");
    expect(history.map((v) => [v.version, v.summary])).toEqual([
      [4, "rolled back to v2"],
      [3, "rolled back to v1"],
      [2, expect.any(String)],
      [1, "first version"],
    ]);
    expect(history[0]!.source).toBe(RELABELLED);
    // Saving the same text again is no change: the rollback's version is the one in force.
    expect(await applyDefinition(t.store, RELABELLED, "ada@rewind.test")).toMatchObject({ applied: false });
  });
});
