import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { currentMasker, forgetMasker } from "../privacy/policy-store";
import { buildUntilSwitched } from "../sessions/generations";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { applyDefinition } from "./apply-definition";
import { forgetLiveCatalog, liveCatalogOf, livePersonalPaths } from "./live-catalog";

const SHOP = readFileSync("lib/testing/fixtures/shop-journey.json", "utf8");

describe.each(testProviders())("the live journeys' people paths on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    forgetLiveCatalog();
  });
  afterAll(async () => {
    forgetLiveCatalog();
    forgetMasker();
    await t.dispose();
  });

  it("are personal only once the generation folding with the definition is live, and then mask that data for every read", async () => {
    const order = { customer: { name: "Ada Lovelace", email: "ada@example.test" }, orderRef: "ORD-7", total: 30 };
    expect(await livePersonalPaths(t.store)).toEqual([]);
    const applied = await applyDefinition(t.store, SHOP, "cli");
    if (!applied.applied) throw new Error("not applied");
    // Still building: pages read the live generation, which has no stored definition.
    forgetLiveCatalog();
    expect((await liveCatalogOf(t.store)).byName("shop")).toBeNull();
    await buildUntilSwitched(t.store, applied.generation.id);
    forgetLiveCatalog();
    expect((await liveCatalogOf(t.store)).byName("shop")?.label).toBe("Shop visits");
    const paths = await livePersonalPaths(t.store);
    expect(paths).toEqual(["data.customer.email", "data.customer.name", "data.orderRef"]);
    forgetMasker();
    const masker = await currentMasker(t.store, Date.now(), paths);
    expect(masker.eventData("shop.order.completed", order)).toEqual({
      customer: { name: "A•• ••••••••", email: "a••@•••••••.••••" },
      orderRef: "•••-•",
      total: 30,
    });
  });
});
