import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { StoredEvent } from "../generated/sqlite/client";
import { globMatches } from "../glob/glob";
import { readJourneyEventsAt } from "../eventstore/journey-events";
import { verifyStore } from "../integrity/verify-store";
import { applyDefinition } from "../journey-store/apply-definition";
import { forgetLiveCatalog, liveCatalogOf } from "../journey-store/live-catalog";
import { journeyDocumentSchema } from "../journeys/definition/definition-schema";
import { gapRows, timelineRows } from "../replay/removed-gaps";
import { buildUntilSwitched } from "../sessions/generations";
import { catchUp, rebuildProjections } from "../sessions/projector";
import { listUserSessions } from "../sessions/read-sessions";
import { readHeldPositions, readRemovedEvents } from "../sessions/removed-events";
import { sessionTimeoutMs } from "../sessions/settings";
import { simulateWorld } from "../simulate/world";
import {
  analyticsFigures,
  positionsBySession,
  PURGE_WORLD_NOW as NOW,
  PURGE_WORLD_RANGE,
  readModels,
  seedPurgeWorld,
  sessionListings,
  shopFiguresByLoop,
} from "../testing/purge-world";
import { RETENTION_WORLD_START } from "../testing/retention-world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { SHOP_TEXT } from "../testing/what-if-world";
import { computeWhatIf } from "../what-if/compute-what-if";
import { toArchiveLine } from "./archive";
import { saveRetentionPolicy } from "./policy-store";
import { PurgeWaitsForBuildError, purgeRetention, type PurgeResult } from "./purge";
import { verifyArchive } from "./verify-archive";

const DAY = 86_400_000;
const now = () => NOW.getTime();
// Two rules: the holiday world's searches kept 8 days, the shop's cart and product events 7; the world's 12 days straddle both.
const POLICY = {
  rules: [
    { types: "search.*", keepDays: 8 },
    { types: ["shop.cart.*", "shop.product.*"], keepDays: 7 },
  ],
  defaultKeepDays: null,
};

/** What the policy removes, by a plain loop over the raw rows: first matching rule, recorded time, the newest event kept. */
function dueByLoop(rows: readonly StoredEvent[]): Map<bigint, number> {
  const head = rows.at(-1)!.position;
  const due = new Map<bigint, number>();
  for (const row of rows) {
    const rule = globMatches("search.*", row.type) ? 0 : globMatches("shop.cart.*", row.type) || globMatches("shop.product.*", row.type) ? 1 : -1;
    if (row.position === head || rule < 0) continue;
    if (row.recordedAt.getTime() < NOW.getTime() - (rule === 0 ? 8 : 7) * DAY) due.set(row.position, rule);
  }
  return due;
}

const countByType = (rows: readonly StoredEvent[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.type] = (out[r.type] ?? 0) + 1;
  return out;
};

describe.each(testProviders())("a real retention purge keeps the read models true on %s", (provider) => {
  let t: TestStore;
  let eventsBefore: StoredEvent[];
  let modelsBefore: Awaited<ReturnType<typeof readModels>>;
  let figuresBefore: Record<string, unknown>;
  let listingsBefore: Awaited<ReturnType<typeof sessionListings>>;
  let heldBy: Map<string, number[]>;
  let due: Map<bigint, number>;
  let result: PurgeResult;

  /** The shop's overview and funnel as the API answers them, in the plain loop's terms. */
  const shopFigures = (figures: Record<string, unknown>) => {
    const overview = figures["shop/overview"] as { totals: unknown; days: { day: string; sessions: number }[] };
    const funnel = figures["shop/funnel"] as { steps: { sessions: number }[] };
    return {
      totals: overview.totals,
      steps: funnel.steps.map((s) => s.sessions),
      days: overview.days.filter((d) => d.sessions > 0).map((d) => [d.day, d.sessions]),
    };
  };

  beforeAll(async () => {
    t = await createTestStore(provider);
    await seedPurgeWorld(t.store, simulateWorld({ users: 20, days: 12, seed: "purge-read-models", start: RETENTION_WORLD_START }));
    await saveRetentionPolicy(t.store, POLICY, "test");
    eventsBefore = await t.store.db.storedEvent.findMany({ orderBy: { position: "asc" } });
    modelsBefore = await readModels(t.store);
    figuresBefore = await analyticsFigures(t.store);
    listingsBefore = await sessionListings(t.store);
    heldBy = positionsBySession(modelsBefore.blocks);
    due = dueByLoop(eventsBefore);
    // Small batches, so a session's events fall in several of them and the batch edges are exercised.
    result = await purgeRetention(t.store, { now: NOW, dir: mkdtempSync(join(tmpdir(), "rewind-archive-")), batch: 1 });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("the world is what the test needs: both rules remove some, keep some; sessions purged wholly and partly, in both journeys", () => {
    const rules = [0, 1].map((r) => [...due.values()].filter((x) => x === r).length);
    expect(rules[0]).toBeGreaterThan(20);
    expect(rules[1]).toBeGreaterThan(20);
    expect(eventsBefore.filter((e) => /^shop\.(cart|product)\./.test(e.type)).length).toBeGreaterThan(rules[1]!);
    expect(eventsBefore.filter((e) => e.type.startsWith("search.")).length).toBeGreaterThan(rules[0]!);
    const journeys = new Map(modelsBefore.sessions.map((s) => [s.id, s.journey]));
    const touched = [...heldBy].map(([id, ps]) => ({ id, journey: journeys.get(id), gone: ps.filter((p) => due.has(BigInt(p))).length, all: ps.length }));
    const partly = touched.filter((s) => s.gone > 0 && s.gone < s.all);
    expect(new Set(partly.map((s) => s.journey))).toEqual(new Set(["shop", modelsBefore.sessions.find((s) => s.journey !== "shop")!.journey]));
    expect(touched.some((s) => s.gone === s.all)).toBe(true);
    expect(shopFiguresByLoop(eventsBefore).totals.abandoned).toBeGreaterThan(0);
  });

  it("removes exactly the due events; every other event is still there as it was, and each tombstone names the session its blocks held it in", async () => {
    expect(result.count).toBe(due.size);
    const after = await t.store.db.storedEvent.findMany({ orderBy: { position: "asc" } });
    const kept = eventsBefore.filter((e) => !due.has(e.position));
    expect(after).toEqual(kept);
    expect(countByType(after)).toEqual(countByType(kept));
    const holder = new Map<number, string>();
    for (const [id, ps] of heldBy) for (const p of ps) holder.set(p, id);
    const tombstones = await t.store.db.eventTombstone.findMany({ orderBy: { position: "asc" } });
    expect(tombstones.map((x) => x.position)).toEqual([...due.keys()].sort((a, b) => Number(a - b)));
    expect(tombstones.map((x) => [Number(x.position), x.sessionId])).toEqual(
      tombstones.map((x) => [Number(x.position), holder.get(Number(x.position)) ?? null]),
    );
    expect(tombstones.map((x) => x.rule)).toEqual(tombstones.map((x) => result.rules[due.get(x.position)!]!.rule));
  });

  it("the archive holds exactly the removed rows, the archive and the store verify", async () => {
    const lines = gunzipSync(readFileSync(result.archive!)).toString("utf8").trim().split("\n");
    expect(lines).toEqual(eventsBefore.filter((e) => due.has(e.position)).map(toArchiveLine));
    expect(await verifyArchive(t.store, result.archive!)).toEqual({ purgeId: result.purgeId, checked: due.size, erased: 0, problems: [] });
    const v = await verifyStore(t.store);
    expect({ problems: v.problems, checked: v.checked, purged: v.purged }).toEqual({ problems: [], checked: eventsBefore.length - due.size, purged: due.size });
  });

  it("no read model row and no analytics figure changes; the shop's figures are a plain loop's over the events as they were", async () => {
    expect(await readModels(t.store)).toEqual(modelsBefore);
    const figures = await analyticsFigures(t.store);
    expect(figures).toEqual(figuresBefore);
    expect(shopFigures(figures)).toEqual(shopFiguresByLoop(eventsBefore));
  });

  it("every session is listed as before, every customer's with the same summaries, and every drill-down counts the same", async () => {
    const listings = await sessionListings(t.store);
    expect(listings).toEqual(listingsBefore);
    expect(listings.recent.length).toBe(modelsBefore.sessions.length);
    expect(Object.values(listings.counts).some((n) => n > 0)).toBe(true);
    for (const u of modelsBefore.users) {
      const listed = (await listUserSessions(t.store, u.userId)).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(listed).toEqual(modelsBefore.sessions.filter((s) => s.userId === u.userId));
    }
  });

  it("a partly purged session replays: the events that remain, in order, and a gap naming the rule where each removed one was", async () => {
    const partly = [...heldBy].filter(([, ps]) => ps.some((p) => due.has(BigInt(p))) && !ps.every((p) => due.has(BigInt(p))));
    expect(partly.length).toBeGreaterThan(3);
    for (const [id, positions] of partly) {
      const remaining = positions.filter((p) => !due.has(BigInt(p)));
      const { members, purged } = await readHeldPositions(t.store, id, 0, 100_000);
      expect(purged).toBe(true);
      expect(members).toEqual(remaining.map((position, seq) => ({ seq, position })));
      const events = await readJourneyEventsAt(t.store, remaining);
      expect(events.map((e) => e.position).sort((a, b) => a - b)).toEqual([...remaining].sort((a, b) => a - b));
      const gaps = gapRows(await readRemovedEvents(t.store, id));
      // A plain walk of the session as it was folded: each position is a remaining event or a gap with its rule, in place.
      const walk = positions.map((p) => (due.has(BigInt(p)) ? `gap ${p} ${result.rules[due.get(BigInt(p))!]!.rule}` : `event ${p}`));
      const rows = timelineRows(remaining.length, gaps).map((r) => (r.kind === "gap" ? `gap ${r.gap.position} ${r.gap.rule}` : `event ${remaining[r.index]}`));
      expect(rows).toEqual(walk);
    }
  });

  it("a catch-up and `projections rebuild` (as the CLI calls it) give the same sessions, ids, summaries and figures", async () => {
    expect(await catchUp(t.store, { now })).toBe(0);
    expect(await readModels(t.store)).toEqual(modelsBefore);
    await rebuildProjections(t.store, { timeoutMs: sessionTimeoutMs(), catalog: await liveCatalogOf(t.store), now, pageSize: 5 });
    expect(await readModels(t.store)).toEqual(modelsBefore);
    expect(await analyticsFigures(t.store)).toEqual(figuresBefore);
  });

  it("a new version of the shop journey builds a new generation with the same sessions, ids and figures", async () => {
    const next = JSON.stringify({ ...JSON.parse(SHOP_TEXT), label: "Shop visits (relabelled)" }, null, 2);
    const applied = await applyDefinition(t.store, next, "test");
    if (!applied.applied) throw new Error("the new shop version was not applied");
    await buildUntilSwitched(t.store, applied.generation.id, { now, pageSize: 500 });
    forgetLiveCatalog();
    expect(await readModels(t.store)).toEqual(modelsBefore);
    const figures = await analyticsFigures(t.store);
    expect(figures).toEqual(figuresBefore);
    expect(shopFigures(figures)).toEqual(shopFiguresByLoop(eventsBefore));
  });

  it("a what-if of the live shop definition gives the live figures, the plain loop's, and no changed session", async () => {
    const document = journeyDocumentSchema.parse(JSON.parse(SHOP_TEXT));
    const whatIf = (await computeWhatIf(t.store, document, PURGE_WORLD_RANGE, { now }))!;
    expect(whatIf.current).toEqual(figuresBefore["shop/funnel"]);
    expect(whatIf.draft).toEqual(whatIf.current);
    expect(whatIf.draft.steps.map((s) => s.sessions)).toEqual(shopFiguresByLoop(eventsBefore).steps);
    expect(whatIf.changes).toEqual([]);
    expect(whatIf.outcomeChanges).toEqual([]);
  });

  it("a purge waits while a generation is being built, then removes what a new rule makes due: nothing else changes, a rebuild agrees", async () => {
    const policy = { ...POLICY, rules: [...POLICY.rules, { types: "offers.*", keepDays: 8 }] };
    await saveRetentionPolicy(t.store, policy, "test");
    const next = JSON.stringify({ ...JSON.parse(SHOP_TEXT), label: "Shop visits (again)" }, null, 2);
    const applied = await applyDefinition(t.store, next, "test");
    if (!applied.applied) throw new Error("the new shop version was not applied");
    const events = await t.store.db.storedEvent.count();
    const dir = mkdtempSync(join(tmpdir(), "rewind-archive-"));
    // The build copied the frozen sessions of its start: a session purged now would be folded again from what remains.
    await expect(purgeRetention(t.store, { now: NOW, dir })).rejects.toThrow(PurgeWaitsForBuildError);
    expect(await t.store.db.storedEvent.count()).toBe(events);
    await buildUntilSwitched(t.store, applied.generation.id, { now, pageSize: 500 });
    forgetLiveCatalog();

    const second = await purgeRetention(t.store, { now: NOW, dir, batch: 7 });
    expect(second.count).toBeGreaterThan(20);
    expect(await t.store.db.storedEvent.count()).toBe(events - second.count);
    const holder = new Map<number, string>();
    for (const [id, ps] of heldBy) for (const p of ps) holder.set(p, id);
    const tombstones = await t.store.db.eventTombstone.findMany({ where: { purgeId: second.purgeId! } });
    expect(tombstones.every((x) => x.type.startsWith("offers.") && x.sessionId === (holder.get(Number(x.position)) ?? null))).toBe(true);
    expect(await readModels(t.store)).toEqual(modelsBefore);
    await rebuildProjections(t.store, { timeoutMs: sessionTimeoutMs(), catalog: await liveCatalogOf(t.store), now, pageSize: 5 });
    expect(await readModels(t.store)).toEqual(modelsBefore);
    expect(await analyticsFigures(t.store)).toEqual(figuresBefore);
  });
});
