import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importRecords } from "../importer/import-events";
import { catchUp } from "../sessions/projector";
import { buildUntilSwitched, GenerationBuildError, liveGeneration, startGeneration } from "../sessions/generations";
import { catalogFailingOn } from "../testing/failing-journey";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { applyDefinition } from "./apply-definition";
import { DefinitionConflictError, definitionHistory } from "./definition-store";
import { listJourneySummaries } from "./journey-list";
import { BOOKING_FOLD_VERSION } from "../journeys/built-in-folds";

const SHOP = readFileSync("lib/testing/fixtures/shop-journey.json", "utf8");
const shopWith = (change: (doc: Record<string, unknown>) => void) => {
  const doc = JSON.parse(SHOP) as Record<string, unknown>;
  change(doc);
  return JSON.stringify(doc, null, 2);
};
/** v2 counts a session completed once it has carted; v3 is the fix that builds. */
const CARTED_COMPLETES = shopWith((d) => {
  (d.outcome as Record<string, unknown>).completed = "carted";
  (d.outcome as Record<string, unknown>).abandonedAfter = "viewed";
});
const RELABELLED = shopWith((d) => {
  d.label = "Shop";
});

const DAY = Date.parse("2026-06-01T09:00:00Z");
/** Each session's event types, in order: ten sessions, three ordering, seven carting. */
const SESSIONS = Array.from({ length: 10 }, (_, i) => [
  "shop.product.viewed",
  ...(i < 7 ? ["shop.cart.added"] : []),
  ...(i < 3 ? ["shop.order.completed"] : []),
  "shop.user.signed_out",
]);

async function* records() {
  let line = 0;
  for (const [s, types] of SESSIONS.entries()) {
    for (const [k, type] of types.entries()) {
      line += 1;
      const time = new Date(DAY + s * 3_600_000 + k * 60_000).toISOString();
      const data = type === "shop.product.viewed" ? { productId: `p${s % 3}`, name: `Product ${s % 3}` } : {};
      yield { line, value: { specversion: "1.0", id: `e-${s}-${k}`, source: "shop/web", type, time, userid: `u${s}`, sessionid: `s${s}`, data } };
    }
  }
}

const failingOnOrders = (text: string) => catalogFailingOn(text, "shop.order.completed");

/** What pages read of shop sessions: outcome counts. */
async function outcomes(t: TestStore) {
  const rows = await t.store.db.session.groupBy({ by: ["outcome"], where: { journey: "shop" }, _count: { _all: true }, orderBy: { outcome: "asc" } });
  return Object.fromEntries(rows.map((r) => [r.outcome, r._count._all]));
}

async function shopSummary(t: TestStore) {
  return (await listJourneySummaries(t.store)).find((j) => j.name === "shop")!;
}

describe.each(testProviders())("a journey version whose build fails, on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records());
    await catchUp(t.store);
    const first = await applyDefinition(t.store, SHOP, "ada@rewind.test");
    if (!first.applied) throw new Error("not applied");
    await buildUntilSwitched(t.store, first.generation.id);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("leaves the live generation serving version 1's figures, and says plainly that version 2 failed and version 1 is live", async () => {
    // A plain loop over the sessions: ordered ones are completed, carted ones abandoned, the rest browsed.
    const v1 = { completed: 0, abandoned: 0, browsed: 0 };
    for (const types of SESSIONS) {
      if (types.includes("shop.order.completed")) v1.completed++;
      else if (types.includes("shop.cart.added")) v1.abandoned++;
      else v1.browsed++;
    }
    expect(await outcomes(t)).toEqual(v1);
    const applied = await applyDefinition(t.store, CARTED_COMPLETES, "ada@rewind.test");
    if (!applied.applied) throw new Error("not applied");
    const build = buildUntilSwitched(t.store, applied.generation.id, { catalog: failingOnOrders(CARTED_COMPLETES) });
    await expect(build).rejects.toBeInstanceOf(GenerationBuildError);
    expect((await liveGeneration(t.store)).definitions).toEqual({ shop: 1, "@booking": BOOKING_FOLD_VERSION });
    expect(await outcomes(t)).toEqual(v1);
    const summary = await shopSummary(t);
    expect(summary).toMatchObject({ version: 2, liveVersion: 1 });
    expect(summary.build).toMatchObject({ state: "failed", version: 2, liveVersion: 1, generation: applied.generation.id, error: "TypeError" });
    // What stopped it names the error's class only: never its message, which could quote an event.
    expect(JSON.stringify(summary.build)).not.toContain("cannot read");
    expect((await definitionHistory(t.store, "shop")).map((v) => v.version)).toEqual([2, 1]);
  });

  it("a save of another journey meanwhile folds shop with its live version 1, not the failed one", async () => {
    const other = shopWith((d) => {
      d.name = "other-shop";
      d.priority = 1;
      d.claims = { types: ["other.*"], sources: ["*"] };
    });
    const applied = await applyDefinition(t.store, other, "cli");
    if (!applied.applied) throw new Error("not applied");
    expect(applied.generation.definitions).toEqual({ "other-shop": 1, shop: 1, "@booking": BOOKING_FOLD_VERSION });
    await buildUntilSwitched(t.store, applied.generation.id);
    expect((await shopSummary(t)).build).toMatchObject({ state: "failed", version: 2, liveVersion: 1 });
  });

  it("applying the failed version unchanged retries it, and it switches in once it builds", async () => {
    const retried = await applyDefinition(t.store, CARTED_COMPLETES, "ada@rewind.test");
    expect(retried).toMatchObject({ applied: true, retried: true, version: { version: 2 } });
    if (!retried.applied) throw new Error("not applied");
    expect(retried.generation.definitions).toMatchObject({ shop: 2 });
    await buildUntilSwitched(t.store, retried.generation.id);
    expect((await shopSummary(t)).build).toMatchObject({ state: "live", version: 2, liveVersion: 2 });
    const carted = SESSIONS.filter((types) => types.includes("shop.cart.added")).length;
    expect(await outcomes(t)).toEqual({ completed: carted, abandoned: SESSIONS.length - carted });
    expect((await definitionHistory(t.store, "shop")).map((v) => v.version)).toEqual([2, 1]);
  });

  it("after a failure, a later good save is built and switched in", async () => {
    const broken = await applyDefinition(t.store, SHOP, "ada@rewind.test");
    if (!broken.applied) throw new Error("not applied");
    await expect(buildUntilSwitched(t.store, broken.generation.id, { catalog: failingOnOrders(SHOP) })).rejects.toBeInstanceOf(GenerationBuildError);
    expect((await shopSummary(t)).build).toMatchObject({ state: "failed", version: 3, liveVersion: 2 });
    const fixed = await applyDefinition(t.store, RELABELLED, "ada@rewind.test");
    expect(fixed).toMatchObject({ applied: true, retried: false, version: { version: 4 } });
    if (!fixed.applied) throw new Error("not applied");
    await buildUntilSwitched(t.store, fixed.generation.id);
    expect((await shopSummary(t)).build).toMatchObject({ state: "live", version: 4, liveVersion: 4 });
    expect((await liveGeneration(t.store)).definitions).toMatchObject({ shop: 4 });
  });

  it("a version whose build a rebuild superseded is retried the same way: applied unchanged", async () => {
    const text = shopWith((d) => {
      d.label = "Shop, superseded";
    });
    const applied = await applyDefinition(t.store, text, "cli");
    if (!applied.applied) throw new Error("not applied");
    const live = await liveGeneration(t.store);
    // A rebuild started meanwhile folds with the live definitions and supersedes it.
    await buildUntilSwitched(t.store, (await startGeneration(t.store, { definitions: live.definitions, reason: "rebuild" })).id);
    const version = applied.version.version;
    expect((await shopSummary(t)).build).toMatchObject({ state: "failed", version, error: "superseded", liveVersion: live.definitions.shop });
    const retried = await applyDefinition(t.store, text, "cli");
    expect(retried).toMatchObject({ applied: true, retried: true, version: { version } });
    if (!retried.applied) throw new Error("not applied");
    await buildUntilSwitched(t.store, retried.generation.id);
    expect((await shopSummary(t)).build).toMatchObject({ state: "live", version });
  });

  it("two saves of one name at once: one stores the next version, the other is a conflict and writes nothing", async () => {
    const before = await definitionHistory(t.store, "shop");
    const head = before[0]!.version;
    const a = shopWith((d) => {
      d.label = "Shop A";
    });
    const b = shopWith((d) => {
      d.label = "Shop B";
    });
    const basedOn = { name: "shop", version: head };
    const results = await Promise.allSettled([applyDefinition(t.store, a, "ada", basedOn), applyDefinition(t.store, b, "bob", basedOn)]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = (lost[0] as PromiseRejectedResult).reason as unknown;
    expect(reason).toBeInstanceOf(DefinitionConflictError);
    expect((reason as Error).message).toBe(`journey shop: version ${head + 1} was saved by someone else meanwhile; reload and try again`);
    const after = await definitionHistory(t.store, "shop");
    expect(after.map((v) => v.version)).toEqual([head + 1, ...before.map((v) => v.version)]);
    expect(await t.store.db.journeyDefinitionVersion.count({ where: { name: "shop", version: head + 1 } })).toBe(1);
    // The stored version is the winner's, whole.
    const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof applyDefinition>>>).value;
    expect(winner.applied && after[0]!.source).toBe(winner.applied ? winner.version.source : "");
    expect(after[0]!.changedBy).toBe(after[0]!.document.label === "Shop A" ? "ada" : "bob");
  });

  it("a save on top of an older version than the newest is a conflict, and writes nothing", async () => {
    const count = await t.store.db.journeyDefinitionVersion.count();
    const stale = applyDefinition(
      t.store,
      shopWith((d) => {
        d.label = "Stale";
      }),
      "ada",
      { name: "shop", version: 1 },
    );
    await expect(stale).rejects.toThrow(/^journey shop: version \d+ was saved by someone else meanwhile; reload and try again$/);
    expect(await t.store.db.journeyDefinitionVersion.count()).toBe(count);
  });
});
