import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFunnelAnswer } from "../analytics/read-answers";
import { raw, sql } from "../db/sql";
import { importRecords } from "../importer/import-events";
import { applyDefinition } from "../journey-store/apply-definition";
import { forgetLiveCatalog, liveCatalogOf } from "../journey-store/live-catalog";
import { buildUntilSwitched } from "../sessions/generations";
import { catchUp } from "../sessions/projector";
import { READ_MODEL_TABLES } from "../sessions/read-model-tables";
import { simulateWorld } from "../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { SHOP_TEXT, shopCloudEvents, shopDraftText } from "../testing/what-if-world";
import {
  beatWhatIfJob,
  createWhatIfJob,
  failInterruptedWhatIfJobs,
  finishWhatIfJob,
  latestWhatIfJob,
  readWhatIfJob,
  RESTARTED,
  STALE_MS,
  WhatIfRunningError,
} from "./job-store";

/** A time past every running job's heartbeat: what a node sees once the jobs' nodes are gone. */
const afterStale = () => new Date(Date.now() + STALE_MS + 60_000);
import { runWhatIfJob } from "./run-job";

const FROM = "2026-06-02";
const TO = "2026-06-03";
const NOW = () => Date.parse("2026-06-10T00:00:00Z");
const DRAFT = shopDraftText();

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

/** A store holding the booking world and the shop visits, folded with the shop definition applied. */
async function storeWithShop(provider: TestStore["target"]["provider"]): Promise<TestStore> {
  const t = await createTestStore(provider);
  const booking = simulateWorld({ users: 12, days: 4, seed: "what-if", start: new Date("2026-06-01T00:00:00Z") }).map((w) => w.event);
  await importRecords(t.store, records([...booking, ...shopCloudEvents("2026-06-01", 4, 25)]));
  await catchUp(t.store, { now: NOW });
  const applied = await applyDefinition(t.store, SHOP_TEXT, "test");
  if (!applied.applied) throw new Error("the shop definition was not applied");
  await buildUntilSwitched(t.store, applied.generation.id, { now: NOW });
  forgetLiveCatalog();
  return t;
}

/** Every read-model table (the live generation's, the shared aliases, checkpoints and generations), row by row as text. */
async function dumpReadModels(t: TestStore): Promise<Record<string, string[]>> {
  const tables = [...READ_MODEL_TABLES.map(([, plain]) => plain), "session_aliases", "projection_checkpoints", "journey_generations", "journey_definitions"];
  const dump: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = await t.store.db.$queryRaw<Record<string, unknown>[]>(sql`SELECT * FROM ${raw(`"${table}"`)}`);
    dump[table] = rows.map((r) => JSON.stringify(r, (_, v) => (typeof v === "bigint" ? `${v}n` : v))).sort();
  }
  return dump;
}

/** Sessions of the read models by first position: journey, outcome and day (what an apply would show). */
async function sessionsByFirst(t: TestStore): Promise<Map<number, { journey: string; outcome: string; day: string | null }>> {
  const rows = await t.store.db.session.findMany({ select: { firstPosition: true, journey: true, outcome: true, analyticsDay: true } });
  return new Map(rows.map((r) => [Number(r.firstPosition), { journey: r.journey, outcome: r.outcome, day: r.analyticsDay }]));
}

async function runJob(t: TestStore, requestedBy = "test") {
  const job = await createWhatIfJob(t.store, { name: "shop", document: DRAFT, from: FROM, to: TO, requestedBy });
  forgetLiveCatalog();
  await runWhatIfJob(t.store, job.id, { now: NOW, pageSize: 300 });
  return (await readWhatIfJob(t.store, job.id))!;
}

describe.each(testProviders())("a what-if of a draft definition on %s", (provider) => {
  let live: TestStore;
  let applied: TestStore;
  beforeAll(async () => {
    [live, applied] = [await storeWithShop(provider), await storeWithShop(provider)];
  }, 120_000);
  afterAll(async () => {
    await live?.dispose();
    await applied?.dispose();
  });

  it("answers what applying the draft would: its funnel and outcome changes equal an actual apply on a copy of the store", async () => {
    const before = await sessionsByFirst(applied);
    const job = await runJob(live);
    expect(job.state).toBe("done");
    expect(job.done).toBe(job.total);
    const result = job.result!;

    const done = await applyDefinition(applied.store, DRAFT, "test");
    if (!done.applied) throw new Error("the draft was not applied");
    await buildUntilSwitched(applied.store, done.generation.id, { now: NOW });
    forgetLiveCatalog();
    const shop = (await liveCatalogOf(applied.store)).byName("shop")!;
    expect(result.draft).toEqual(await readFunnelAnswer(applied.store, shop, { from: FROM, to: TO }));

    // Outcome changes by a plain loop over the two stores' sessions, matched by first position.
    const after = await sessionsByFirst(applied);
    const changes = new Map<string, number>();
    for (const [first, now] of after) {
      const was = before.get(first);
      if (!was || was.outcome === now.outcome || (was.journey !== "shop" && now.journey !== "shop")) continue;
      if (!((was.day! >= FROM && was.day! <= TO) || (now.day! >= FROM && now.day! <= TO))) continue;
      changes.set(`${was.outcome}>${now.outcome}`, (changes.get(`${was.outcome}>${now.outcome}`) ?? 0) + 1);
    }
    expect(new Map(result.outcomeChanges.map((c) => [`${c.from}>${c.to}`, c.sessions]))).toEqual(changes);
    expect(changes.size).toBeGreaterThan(0);
    expect(new Set(result.changes.map((c) => c.kind))).toEqual(new Set(["changed", "split", "merged"]));
    // Every listed session id is a current session; the sample is drawn from them.
    const ids = new Set((await live.store.db.session.findMany({ select: { id: true } })).map((s) => s.id));
    for (const c of result.changes) if (c.sessionId) expect(ids.has(c.sessionId)).toBe(true);
    expect(result.sample.length).toBeGreaterThan(0);
    expect(result.sample.every((id) => ids.has(id))).toBe(true);
  }, 120_000);

  it("answers the current figures as the live funnel answer", async () => {
    const job = await runJob(live);
    forgetLiveCatalog();
    const shop = (await liveCatalogOf(live.store)).byName("shop")!;
    expect(job.result!.current).toEqual(await readFunnelAnswer(live.store, shop, { from: FROM, to: TO }));
    expect(job.result!.current).not.toEqual(job.result!.draft);
  }, 60_000);

  it("leaves every read model byte for byte as it was", async () => {
    const before = await dumpReadModels(live);
    await runJob(live);
    expect(await dumpReadModels(live)).toEqual(before);
  }, 60_000);

  it("cancel stops it: the state is cancelled and it never gains a result", async () => {
    const job = await createWhatIfJob(live.store, { name: "shop", document: DRAFT, from: FROM, to: TO, requestedBy: "test" });
    const running = runWhatIfJob(live.store, job.id, { now: NOW, pageSize: 20 });
    // Cancel once it has read a page or more (it writes its progress as it goes).
    while (((await readWhatIfJob(live.store, job.id))?.done ?? 0) === 0) await new Promise((r) => setImmediate(r));
    expect(await finishWhatIfJob(live.store, job.id, { state: "cancelled" })).toBe(true);
    await running;
    const ended = (await readWhatIfJob(live.store, job.id))!;
    expect(ended).toMatchObject({ state: "cancelled", result: null });
    expect(ended.done).toBeLessThan(ended.total);
  }, 60_000);

  it("runs one job per definition at a time, and a job cut off by a restart is failed saying so", async () => {
    const first = await createWhatIfJob(live.store, { name: "shop", document: DRAFT, from: FROM, to: TO, requestedBy: "test" });
    await expect(createWhatIfJob(live.store, { name: "shop", document: DRAFT, from: FROM, to: TO, requestedBy: "test" })).rejects.toEqual(
      new WhatIfRunningError(first.id),
    );
    // The database holds it too: a second running row of the name is refused even past the check.
    const row = { name: "shop", document: DRAFT, from: FROM, to: TO, requestedBy: "test", state: "running", createdAt: new Date() };
    await expect(live.store.db.whatIfJob.create({ data: { ...row, id: "second" } })).rejects.toThrow();
    // A job its node still beats for is left alone, whichever node looks (nodes start beside it).
    expect(await failInterruptedWhatIfJobs(live.store)).toBe(0);
    expect(await beatWhatIfJob(live.store, first.id, new Date(Date.now() + 20_000))).toBe(true);
    expect(await failInterruptedWhatIfJobs(live.store, new Date(Date.now() + 45_000))).toBe(0);
    // Its node dies: once it has not beaten for STALE_MS, the next look fails it, saying so.
    expect(await failInterruptedWhatIfJobs(live.store, new Date(Date.now() + 20_000 + STALE_MS + 1))).toBe(1);
    expect(await readWhatIfJob(live.store, first.id)).toMatchObject({ state: "failed", error: RESTARTED, result: null });
    expect(await beatWhatIfJob(live.store, first.id)).toBe(false);
    // Once it has ended, another may start; a page reload finds the newest of the name.
    const next = await createWhatIfJob(live.store, { name: "shop", document: DRAFT, from: FROM, to: TO, requestedBy: "test" });
    expect(next.state).toBe("running");
    expect((await latestWhatIfJob(live.store, "shop"))?.id).toBe(next.id);
    expect(await latestWhatIfJob(live.store, "no-such-journey")).toBeNull();
    await failInterruptedWhatIfJobs(live.store, afterStale());
  });

  it("keeps finished jobs for a day: a new job deletes the older ones, never a running one", async () => {
    const old = await createWhatIfJob(live.store, { name: "old", document: DRAFT, from: FROM, to: TO, requestedBy: "test" });
    await finishWhatIfJob(live.store, old.id, { state: "cancelled" }, new Date(Date.now() - 25 * 3_600_000));
    const recent = await createWhatIfJob(live.store, { name: "recent", document: DRAFT, from: FROM, to: TO, requestedBy: "test" });
    await finishWhatIfJob(live.store, recent.id, { state: "cancelled" }, new Date(Date.now() - 23 * 3_600_000));
    const running = await createWhatIfJob(live.store, { name: "running", document: DRAFT, from: FROM, to: TO, requestedBy: "test" });
    expect(await readWhatIfJob(live.store, old.id)).toBeNull();
    expect(await readWhatIfJob(live.store, recent.id)).not.toBeNull();
    expect((await readWhatIfJob(live.store, running.id))?.state).toBe("running");
    await failInterruptedWhatIfJobs(live.store, afterStale());
  });
});
