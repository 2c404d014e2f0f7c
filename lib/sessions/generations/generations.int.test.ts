import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { raw, sql } from "../../db/sql";
import { toJourneyEvent } from "../../eventstore/journey-events";
import { readHeadPosition } from "../../eventstore/read";
import { importRecords } from "../../importer/import-events";
import { simulateWorld } from "../../simulate/world";
import { createTestStore, testProviders, type TestStore } from "../../testing/test-stores";
import { projectInMemory } from "../project-in-memory";
import { catchUp } from "../projector";
import { findSession } from "../read-sessions";
import { DEFAULT_TIMEOUT_MS } from "../sessionize";
import { buildGenerationStep, buildUntilSwitched, listGenerations, rebuildProjections, startGeneration, switchWhenCaughtUp } from ".";

const START = new Date("2026-06-01T00:00:00Z");
const NOW = () => Date.parse("2026-06-20T00:00:00Z");
/** The new generation folds with a shorter inactivity timeout: more sessions, so "old" and "new" figures differ. */
const SHORT_TIMEOUT = 60_000;

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

/** What pages read: the plain tables through Prisma. */
async function reads(t: TestStore) {
  const db = t.store.db;
  const [sessions, users, daily] = await Promise.all([
    db.session.findMany({ orderBy: { id: "asc" }, select: { id: true, eventCount: true, outcome: true, endReason: true, analyticsDay: true } }),
    db.userSummary.findMany({ orderBy: { userId: "asc" } }),
    db.analyticsDaily.findMany({ orderBy: [{ day: "asc" }, { journey: "asc" }, { kind: "asc" }, { k1: "asc" }, { k2: "asc" }] }),
  ]);
  return { sessions, users, daily };
}

async function expected(t: TestStore, timeoutMs: number) {
  const events = (await t.store.db.storedEvent.findMany({ orderBy: { position: "asc" } })).map(toJourneyEvent);
  return projectInMemory(events, { timeoutMs, now: NOW() })
    .map((r) => [r.id, r.eventCount])
    .sort();
}

async function tableNames(t: TestStore): Promise<string[]> {
  const rows =
    t.store.target.provider === "sqlite"
      ? await t.store.db.$queryRaw<{ name: string }[]>(sql`SELECT "name" FROM "sqlite_master" WHERE "type" = 'table'`)
      : await t.store.db.$queryRaw<{ name: string }[]>(sql`SELECT "tablename" AS "name" FROM "pg_tables" WHERE "schemaname" = current_schema()`);
  return rows.map((r) => r.name).sort();
}

describe.each(testProviders())("generations of the read models on %s", (provider) => {
  let t: TestStore;
  const world = simulateWorld({ users: 14, days: 4, seed: "generations", start: START }).map((w) => w.event);
  const firstPart = world.slice(0, Math.floor(world.length * 0.7));
  const later = world.slice(firstPart.length);

  beforeAll(async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(firstPart));
    await catchUp(t.store, { now: NOW });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("reads answer the live generation until the switch and the new one after; events appended meanwhile are in both", async () => {
    const before = await reads(t);
    const generation = await startGeneration(t.store, { definitions: {}, reason: "shorter timeout" });
    const build = { timeoutMs: SHORT_TIMEOUT, now: NOW, pageSize: 200 };
    await buildGenerationStep(t.store, build);
    await buildGenerationStep(t.store, build);
    expect(await reads(t)).toEqual(before);

    // Events arrive while it is built: the live projector folds them into the live tables.
    await importRecords(t.store, records(later));
    await catchUp(t.store, { now: NOW });
    const liveWithLater = await reads(t);
    expect(liveWithLater.sessions.map((s) => [s.id, s.eventCount]).sort()).toEqual(await expected(t, DEFAULT_TIMEOUT_MS));

    let step = await buildGenerationStep(t.store, build);
    while (step && !step.caughtUp) {
      expect(await reads(t)).toEqual(liveWithLater);
      step = await buildGenerationStep(t.store, build);
    }
    expect(await reads(t)).toEqual(liveWithLater);
    const result = await switchWhenCaughtUp(t.store, build);
    expect(result).toMatchObject({ switched: true, generation: { id: generation.id, state: "live" } });

    const after = await reads(t);
    expect(after.sessions.map((s) => [s.id, s.eventCount]).sort()).toEqual(await expected(t, SHORT_TIMEOUT));
    expect(after.sessions.length).toBeGreaterThan(liveWithLater.sessions.length);
    // Counters and summaries agree with the sessions: a fresh fold of the same gives the same rows.
    await rebuildProjections(t.store, build);
    expect(await reads(t)).toEqual(after);
    const states = (await listGenerations(t.store)).map((g) => [g.id, g.state]);
    expect(states.slice(0, 3)).toEqual([
      [generation.id + 1, "live"],
      [generation.id, "retired"],
      [1, "retired"],
    ]);
  });

  it("a session id the new generation does not have resolves, as an alias, to the session holding its first event", async () => {
    // From the short timeout (sessions split) to the usual one (they merge): the later parts' ids go.
    const split = { now: NOW, timeoutMs: SHORT_TIMEOUT };
    await rebuildProjections(t.store, split);
    const splitSessions = await t.store.db.session.findMany({ select: { id: true, firstPosition: true } });
    await rebuildProjections(t.store, { now: NOW, timeoutMs: DEFAULT_TIMEOUT_MS });
    const mergedIds = new Set((await t.store.db.session.findMany({ select: { id: true } })).map((s) => s.id));
    const gone = splitSessions.filter((s) => !mergedIds.has(s.id));
    expect(gone.length).toBeGreaterThan(0);
    for (const old of gone) {
      const found = await findSession(t.store, old.id);
      expect(found, old.id).not.toBeNull();
      const blocks = await t.store.db.sessionBlock.findMany({ where: { sessionId: found!.id } });
      expect(blocks.flatMap((b) => b.positions as number[])).toContain(Number(old.firstPosition));
    }
    // Back to the short timeout: the ids name sessions again and stop being aliases.
    await rebuildProjections(t.store, split);
    expect(await t.store.db.sessionAlias.count({ where: { alias: { in: gone.map((g) => g.id) } } })).toBe(0);
    for (const old of gone) expect((await findSession(t.store, old.id))?.id).toBe(old.id);
  });

  it("only the last retired generation keeps its tables", async () => {
    const generations = await listGenerations(t.store);
    const [live, lastRetired] = generations;
    const names = await tableNames(t);
    expect(names).toContain(`sessions__g${lastRetired!.id}`);
    expect(names.filter((n) => /__g\d+$/.test(n) && !n.endsWith(`__g${lastRetired!.id}`))).toEqual([]);
    expect(live!.state).toBe("live");
    expect(generations.slice(2).every((g) => g.state === "retired" && g.endedAt !== null)).toBe(true);
  });

  it("the switch refuses while the new generation is behind, and a new start supersedes an unfinished one", async () => {
    const first = await startGeneration(t.store, { definitions: {}, reason: "first" });
    expect(await switchWhenCaughtUp(t.store)).toEqual({ switched: false, reason: "behind" });
    await buildGenerationStep(t.store, { now: NOW, pageSize: 100 });
    expect(await switchWhenCaughtUp(t.store)).toEqual({ switched: false, reason: "behind" });
    const second = await startGeneration(t.store, { definitions: {}, reason: "second" });
    const generations = await listGenerations(t.store);
    expect(generations.find((g) => g.id === first.id)).toMatchObject({ state: "failed", errorKind: "superseded" });
    expect(await tableNames(t)).not.toContain(`sessions__g${first.id}`);
    // Two builders at once (the server and a command): each page is folded once, the result is the same.
    const both = { now: NOW, pageSize: 150 };
    // The one that does not switch it in finds it live already, and says so.
    const [a, b] = await Promise.all([buildUntilSwitched(t.store, second.id, both), buildUntilSwitched(t.store, second.id, both)]);
    expect(a + b).toBe(await t.store.db.storedEvent.count());
    const together = await reads(t);
    expect(together.sessions.map((s) => [s.id, s.eventCount]).sort()).toEqual(await expected(t, DEFAULT_TIMEOUT_MS));
    await rebuildProjections(t.store, { now: NOW });
    expect(await reads(t)).toEqual(together);
  });

  it("a command whose generation the server finished first still hears where it ended, once, and folded nothing", async () => {
    const generation = await startGeneration(t.store, { definitions: {}, reason: "finished beside" });
    // The server's runner takes every page and switches it in before the command's first step.
    await buildUntilSwitched(t.store, generation.id, { now: NOW, pageSize: 150 });
    const heard: { state: string; position: number; head: number }[] = [];
    const folded = await buildUntilSwitched(t.store, generation.id, { now: NOW }, (p) => heard.push(p));
    const head = await readHeadPosition(t.store);
    expect(folded).toBe(0);
    expect(heard).toEqual([{ id: generation.id, state: "live", read: 0, position: head, head, caughtUp: true }]);
  });

  it("a build failing midway is marked failed, its tables dropped, and the live generation untouched", async () => {
    const before = await reads(t);
    const generation = await startGeneration(t.store, { definitions: {}, reason: "doomed" });
    await buildGenerationStep(t.store, { now: NOW, pageSize: 100 });
    // Something breaks its tables (a disk, an operator): the next page fails while the store answers.
    await t.store.db.$executeRaw(sql`DROP TABLE ${raw(`"session_blocks__g${generation.id}"`)}`);
    const step = await buildGenerationStep(t.store, { now: NOW, pageSize: 100 });
    expect(step).toMatchObject({ id: generation.id, state: "failed", caughtUp: false });
    const failed = (await listGenerations(t.store)).find((g) => g.id === generation.id);
    expect(failed?.state).toBe("failed");
    expect(failed?.errorKind).toMatch(/\w/);
    expect((await tableNames(t)).filter((n) => n.endsWith(`__g${generation.id}`))).toEqual([]);
    expect(await t.store.db.projectionCheckpoint.findUnique({ where: { name: `sessions__g${generation.id}` } })).toBeNull();
    expect(await reads(t)).toEqual(before);
    expect(await buildGenerationStep(t.store)).toBeNull();
  });
});
