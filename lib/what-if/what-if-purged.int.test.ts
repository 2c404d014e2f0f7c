import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { applyDefinition } from "../journey-store/apply-definition";
import { forgetLiveCatalog } from "../journey-store/live-catalog";
import { journeyDocumentSchema } from "../journeys/definition/definition-schema";
import { buildUntilSwitched } from "../sessions/generations";
import { catchUp } from "../sessions/projector";
import { purgeEvents } from "../testing/purge-events";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { SHOP_TEXT, shopCloudEvents } from "../testing/what-if-world";
import { computeWhatIf } from "./compute-what-if";

const RANGE = { from: "2026-06-01", to: "2026-06-04" };
const NOW = () => Date.parse("2026-06-10T00:00:00Z");

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

describe.each(testProviders())("a what-if after a retention purge on %s", (provider) => {
  let t: TestStore;

  beforeAll(async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(shopCloudEvents("2026-06-01", 4, 25)));
    await catchUp(t.store, { now: NOW });
    const applied = await applyDefinition(t.store, SHOP_TEXT, "test");
    if (!applied.applied) throw new Error("the shop definition was not applied");
    await buildUntilSwitched(t.store, applied.generation.id, { now: NOW });
    forgetLiveCatalog();
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("the live definition tried as a draft gives the live figures: purged sessions count as stored, on both sides", async () => {
    const shop = await t.store.db.session.findMany({ where: { journey: "shop", eventCount: { gte: 3 } }, orderBy: { id: "asc" }, take: 6 });
    expect(shop.length).toBe(6);
    const blocks = await t.store.db.sessionBlock.findMany({ where: { sessionId: { in: shop.map((s) => s.id) } }, orderBy: { block: "asc" } });
    // Every event but the first of each: what remains would fold as a shorter visit.
    const positions = shop.flatMap((s) => blocks.filter((b) => b.sessionId === s.id).flatMap((b) => (b.positions as number[]).slice(1)));
    expect(await purgeEvents(t.store, { positions, rule: "shop.* kept 30 days (retention policy v1)" })).toBe(positions.length);

    const document = journeyDocumentSchema.parse(JSON.parse(SHOP_TEXT));
    const result = await computeWhatIf(t.store, document, RANGE, { now: NOW });
    expect(result!.current.sessions).toBeGreaterThan(0);
    expect(result!.draft).toEqual(result!.current);
    expect(result!.changes).toEqual([]);
  });
});
