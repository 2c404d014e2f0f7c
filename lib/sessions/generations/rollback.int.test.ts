import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFunnelAnswer, readOverviewAnswer } from "../../analytics/read-answers";
import { sql } from "../../db/sql";
import { toJourneyEvent } from "../../eventstore/journey-events";
import { importRecords } from "../../importer/import-events";
import { BUILT_IN_FOLDS } from "../../journeys/built-in-folds";
import { builtInCatalog } from "../../journeys/catalog";
import { simulateWorld } from "../../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../../testing/test-stores";
import { projectInMemory } from "../project-in-memory";
import { catchUp } from "../projector";
import { DEFAULT_TIMEOUT_MS } from "../sessionize";
import {
  buildGenerationStep,
  buildUntilSwitched,
  discardRetiredGeneration,
  generationBytes,
  GenerationNotKeptError,
  listGenerations,
  liveGeneration,
  rebuildProjections,
  rollBackGeneration,
  RollbackRefusedError,
  startReleaseGeneration,
  versionOfJourney,
} from ".";

const START = new Date("2026-06-01T00:00:00Z");
const NOW = () => Date.parse("2026-06-20T00:00:00Z");
const SHORT = { now: NOW, timeoutMs: 60_000 };
const USUAL = { now: NOW, timeoutMs: DEFAULT_TIMEOUT_MS };
const RANGE = { from: "2026-05-25", to: "2026-06-20" };

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

/** Everything pages read: every session column, summaries, counters, and the analytics API's answers. */
async function figures(t: TestStore) {
  const db = t.store.db;
  const booking = builtInCatalog.byName("holiday-booking")!;
  const [sessions, blocks, users, terms, daily, gaps, funnel, overview] = await Promise.all([
    db.session.findMany({ orderBy: { id: "asc" } }),
    db.sessionBlock.findMany({ orderBy: [{ sessionId: "asc" }, { block: "asc" }] }),
    db.userSummary.findMany({ orderBy: { userId: "asc" } }),
    db.userSearchTerm.findMany({ orderBy: [{ term: "asc" }, { userId: "asc" }] }),
    db.analyticsDaily.findMany({ orderBy: [{ day: "asc" }, { journey: "asc" }, { kind: "asc" }, { k1: "asc" }, { k2: "asc" }] }),
    db.analyticsDailyGap.findMany({ orderBy: [{ day: "asc" }, { journey: "asc" }, { step: "asc" }] }),
    readFunnelAnswer(t.store, booking, RANGE),
    readOverviewAnswer(t.store, booking.name, RANGE),
  ]);
  return { sessions, blocks, users, terms, daily, gaps, funnel, overview };
}

/** The sessions a plain fold of every stored event makes, with the usual timeout. */
async function foldedByHand(t: TestStore) {
  const events = (await t.store.db.storedEvent.findMany({ orderBy: { position: "asc" } })).map(toJourneyEvent);
  return projectInMemory(events, { timeoutMs: DEFAULT_TIMEOUT_MS, now: NOW() })
    .map((r) => [r.id, r.eventCount, r.outcome])
    .sort();
}

async function generationTablesOnDisk(t: TestStore, id: number): Promise<string[]> {
  const rows =
    t.store.target.provider === "sqlite"
      ? await t.store.db.$queryRaw<{ name: string }[]>(sql`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'`)
      : await t.store.db.$queryRaw<{ name: string }[]>(sql`SELECT "tablename" AS "name" FROM "pg_tables" WHERE "schemaname" = current_schema()`);
  return rows.map((r) => r.name).filter((n) => n.endsWith(`__g${id}`));
}

describe.each(testProviders())("rolling the read models back on %s", (provider) => {
  let t: TestStore;
  const world = simulateWorld({ users: 14, days: 4, seed: "rollback", start: START }).map((w) => w.event);
  const firstPart = world.slice(0, Math.floor(world.length * 0.7));
  const later = world.slice(firstPart.length);

  beforeAll(async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(firstPart));
    await catchUp(t.store, USUAL);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("brings back the previous figures exactly and at once, and events appended after the switch are in them", async () => {
    const before = await figures(t);
    const original = await liveGeneration(t.store);
    await rebuildProjections(t.store, SHORT);
    const changed = await figures(t);
    expect(changed.sessions.length).toBeGreaterThan(before.sessions.length);

    const instant = await rollBackGeneration(t.store, USUAL);
    expect(instant).toMatchObject({ folded: 0, generation: { id: original.id, state: "live" } });
    expect(await figures(t)).toEqual(before);

    // Forward again (a new generation; the one the rollback retired is dropped, keep 1), then events arrive.
    await rebuildProjections(t.store, SHORT);
    const storedBefore = await t.store.db.storedEvent.count();
    await importRecords(t.store, records(later));
    const appended = (await t.store.db.storedEvent.count()) - storedBefore;
    expect(appended).toBeGreaterThan(100);
    await catchUp(t.store, SHORT);
    const rolled = await rollBackGeneration(t.store, USUAL);
    expect(rolled.generation.id).toBe(original.id);
    expect(rolled.folded).toBe(appended);
    const back = await figures(t);
    expect(back.sessions.map((s) => [s.id, s.eventCount, s.outcome]).sort()).toEqual(await foldedByHand(t));
    // Exactly what a fold of everything from scratch with the old settings makes: counters and summaries too.
    await rebuildProjections(t.store, USUAL);
    expect(await figures(t)).toEqual(back);
  });

  it("a live page folding with the catalog of a generation switched out meanwhile folds nothing", async () => {
    const live = await liveGeneration(t.store);
    const more = simulateWorld({ users: 2, days: 1, seed: "rollback-late", start: new Date("2026-06-10T00:00:00Z") }).map((w) => w.event);
    await importRecords(t.store, records(more));
    const before = await figures(t);
    expect(await catchUp(t.store, { ...USUAL, liveGeneration: live.id + 1000 })).toBe(0);
    expect(await figures(t)).toEqual(before);
    expect(await catchUp(t.store, { ...USUAL, liveGeneration: live.id })).toBeGreaterThan(0);
  });

  it("keeps the newest REWIND_KEEP_GENERATIONS retired generations, dropping the one retired longest ago", async () => {
    const ids: number[] = [];
    process.env.REWIND_KEEP_GENERATIONS = "2";
    try {
      for (const options of [SHORT, USUAL, SHORT]) {
        await rebuildProjections(t.store, options);
        ids.push((await liveGeneration(t.store)).id);
      }
    } finally {
      delete process.env.REWIND_KEEP_GENERATIONS;
    }
    const kept = (await listGenerations(t.store)).filter((g) => g.state === "retired" && g.endedAt === null).map((g) => g.id);
    expect(kept).toEqual([ids[1], ids[0]]);
    for (const id of kept) expect(await generationTablesOnDisk(t, id)).toHaveLength(8);
    const sizes = await generationBytes(t.store, await listGenerations(t.store));
    expect(sizes.get(ids[2]!)).toBeGreaterThan(0);
    expect(sizes.get(ids[0]!)).toBeGreaterThan(0);
  });

  it("discard drops a kept generation's tables; there is then nothing older to roll back to", async () => {
    for (const g of (await listGenerations(t.store)).filter((g) => g.state === "retired" && g.endedAt === null)) {
      await discardRetiredGeneration(t.store, g.id);
      expect(await generationTablesOnDisk(t, g.id)).toEqual([]);
      expect((await generationBytes(t.store, [(await listGenerations(t.store)).find((x) => x.id === g.id)!])).get(g.id)).toBe(0);
    }
    const live = await liveGeneration(t.store);
    await expect(discardRetiredGeneration(t.store, live.id)).rejects.toBeInstanceOf(GenerationNotKeptError);
    await expect(rollBackGeneration(t.store, USUAL)).rejects.toBeInstanceOf(RollbackRefusedError);
    expect((await liveGeneration(t.store)).id).toBe(live.id);
  });

  it("a changed built-in fold version at start builds a new generation while reads serve the old one, then switches it in", async () => {
    const live = await liveGeneration(t.store);
    expect(versionOfJourney(live, "holiday-booking")).toBe(BUILT_IN_FOLDS[0]!.version);
    expect(await startReleaseGeneration(t.store)).toBeNull();
    const next = BUILT_IN_FOLDS.map((f) => ({ ...f, version: f.version + 1 }));
    const before = await figures(t);
    const started = await startReleaseGeneration(t.store, next);
    expect(started).toMatchObject({ state: "building", reason: `release: booking fold v${next[0]!.version}` });
    expect(started?.definitions["@booking"]).toBe(next[0]!.version);
    // Started again (a second restart before it is done): left to finish.
    expect(await startReleaseGeneration(t.store, next)).toBeNull();
    await buildGenerationStep(t.store, { ...USUAL, pageSize: 100 });
    expect(await figures(t)).toEqual(before);
    await buildUntilSwitched(t.store, started!.id, USUAL);
    const switched = await liveGeneration(t.store);
    expect(switched.id).toBe(started!.id);
    expect(versionOfJourney(switched, "booking")).toBe(next[0]!.version);
    expect(await startReleaseGeneration(t.store, next)).toBeNull();
    // A generation folded with another built-in fold than the code's cannot be brought back.
    await expect(rollBackGeneration(t.store, { ...USUAL, builtInFolds: next })).rejects.toThrow(
      new RegExp(`was folded with booking fold v${BUILT_IN_FOLDS[0]!.version}; this release folds differently`),
    );
  });
});
