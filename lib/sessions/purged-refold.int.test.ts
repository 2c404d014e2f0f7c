import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCounters } from "../analytics/read-analytics";
import { importRecords } from "../importer/import-events";
import { simulateWorld } from "../simulate/world";
import { purgeEvents } from "../testing/purge-events";
import { readModels as readStoredModels } from "../testing/purge-world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { catchUp, rebuildProjections } from "./projector";
import { readHeldPositions, readRemovedEvents } from "./removed-events";
import { parse } from "csv-parse/sync";
import { textStream } from "../http/text-stream";
import { currentMasker } from "../privacy/policy-store";
import { gapRows } from "../replay/removed-gaps";
import { findSession } from "./read-sessions";
import { sessionExportText } from "./session-export";

const START = new Date("2026-06-01T00:00:00Z");
const NOW = () => Date.parse("2026-06-20T00:00:00Z");
const RULE = "search.* kept 90 days (retention policy v3)";
const PURGED_AT = new Date("2026-06-19T03:00:00Z");

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

/** Every row the read models hold (lib/testing/purge-world.ts). */
const readModels = (t: TestStore) => readStoredModels(t.store);

/** The figures as the analytics pages read them: every counter kind of every journey over the whole range. */
async function figures(t: TestStore) {
  const rows = await t.store.db.analyticsDaily.findMany({ select: { journey: true, kind: true }, distinct: ["journey", "kind"] });
  const out: Record<string, unknown> = {};
  for (const r of rows) out[`${r.journey}/${r.kind}`] = await readCounters(t.store, r.journey, "2026-01-01", "2026-12-31", [r.kind]);
  return out;
}

describe.each(testProviders())("read models after a retention purge on %s", (provider) => {
  let t: TestStore;
  let before: Awaited<ReturnType<typeof readModels>>;
  let beforeFigures: Record<string, unknown>;
  let purged: number[];
  let partly: string[];
  let wholly: string[];
  let eventsBefore: number[];

  beforeAll(async () => {
    t = await createTestStore(provider);
    const world = simulateWorld({ users: 14, days: 4, seed: "purged-refold", start: START }).map((w) => w.event);
    await importRecords(t.store, records(world));
    await catchUp(t.store, { now: NOW });
    before = await readModels(t);
    beforeFigures = await figures(t);
    eventsBefore = (await t.store.db.storedEvent.findMany({ select: { position: true } })).map((e) => Number(e.position));
    // Two sessions wholly, three partly (every other event after the first, so the earliest stays for some, not for others).
    const long = before.sessions.filter((s) => s.eventCount >= 4);
    wholly = long.slice(0, 2).map((s) => s.id);
    partly = long.slice(2, 5).map((s) => s.id);
    const positionsOf = (id: string) => before.blocks.filter((b) => b.sessionId === id).flatMap((b) => b.positions as number[]);
    purged = [...wholly.flatMap(positionsOf), ...partly.flatMap((id, i) => positionsOf(id).filter((_, k) => k % 2 === (i === 0 ? 0 : 1)))];
    expect(await purgeEvents(t.store, { positions: purged, rule: RULE, purgedAt: PURGED_AT })).toBe(purged.length);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("the purge removes exactly its events and changes no read model or figure", async () => {
    const remaining = (await t.store.db.storedEvent.findMany({ select: { position: true } })).map((e) => Number(e.position)).sort((a, b) => a - b);
    const gone = new Set(purged);
    expect(remaining).toEqual(eventsBefore.filter((p) => !gone.has(p)).sort((a, b) => a - b));
    expect(await t.store.db.eventTombstone.count()).toBe(purged.length);
    expect(await readModels(t)).toEqual(before);
    expect(await figures(t)).toEqual(beforeFigures);
  });

  it("the daily session counters equal a plain count of the sessions' facts, purged sessions included", async () => {
    const counted = new Map<string, number>();
    for (const s of before.sessions)
      if (s.analyticsDay) counted.set(`${s.analyticsDay}/${s.journey}`, (counted.get(`${s.analyticsDay}/${s.journey}`) ?? 0) + 1);
    const daily = (await t.store.db.analyticsDaily.findMany({ where: { kind: "sessions" } })).map((d) => [`${d.day}/${d.journey}`, d.n] as const);
    const summed = new Map<string, number>();
    for (const [key, n] of daily) summed.set(key, (summed.get(key) ?? 0) + n);
    expect(summed).toEqual(counted);
  });

  it("the projector catching up again keeps every session; a rebuild gives the same sessions, ids, summaries and figures", async () => {
    expect(await catchUp(t.store, { now: NOW })).toBe(0);
    await rebuildProjections(t.store, { now: NOW, pageSize: 150 });
    expect(await readModels(t)).toEqual(before);
    expect(await figures(t)).toEqual(beforeFigures);
  });

  it("a partly purged session's removed events are named with their rule, in session order, beside the ones that remain", async () => {
    for (const id of partly) {
      const positions = before.blocks.filter((b) => b.sessionId === id).flatMap((b) => b.positions as number[]);
      const removed = await readRemovedEvents(t.store, id);
      const gone = new Set(purged);
      expect(removed.map((r) => [r.seq, r.position])).toEqual(positions.flatMap((p, seq) => (gone.has(p) ? [[seq, p]] : [])));
      expect(removed.every((r) => r.rule === RULE && r.purgedAt === PURGED_AT.toISOString())).toBe(true);
      const left = await t.store.db.storedEvent.count({ where: { position: { in: positions.map(BigInt) } } });
      expect(left + removed.length).toBe(positions.length);
    }
  });

  it("the player's index counts only the events that remain: pages never repeat or drop one", async () => {
    const gone = new Set(purged);
    for (const id of [...partly, ...wholly]) {
      const remaining = before.blocks.filter((b) => b.sessionId === id).flatMap((b) => (b.positions as number[]).filter((p) => !gone.has(p)));
      const paged: number[] = [];
      for (let from = 0; ; from += 2) {
        const { members, purged: isPurged } = await readHeldPositions(t.store, id, from, 2);
        expect(isPurged).toBe(true);
        if (members.length === 0) break;
        expect(members.map((m) => m.seq)).toEqual(members.map((_, k) => from + k));
        paged.push(...members.map((m) => m.position));
      }
      expect(paged).toEqual(remaining);
    }
  });

  it("the CSV export lists the remaining events and a row for each removed one where it was, naming its rule", async () => {
    const id = partly[0]!;
    const session = (await findSession(t.store, id))!;
    const masker = await currentMasker(t.store);
    const removed = gapRows(await readRemovedEvents(t.store, id));
    const csv = await new Response(textStream(sessionExportText(t.store, { ...session, journeyVersion: "v", removed }, {}, masker, "csv", 2))).text();
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    const positions = before.blocks.filter((b) => b.sessionId === id).flatMap((b) => b.positions as number[]);
    const gone = new Set(purged);
    // A plain walk of the session as it was folded: a removed event's row says so, the others do not.
    expect(rows.map((r) => r.description!.startsWith("Removed by retention: "))).toEqual(positions.map((p) => gone.has(p)));
    expect(rows.filter((r) => r.description!.startsWith("Removed")).every((r) => r.description!.includes(RULE))).toBe(true);
  });

  it("a late event of a purged session's person makes a session of its own; the purged one stays as it was", async () => {
    const frozen = before.sessions.find((s) => s.id === partly[1])!;
    const last = await t.store.db.storedEvent.findFirst({
      where: { position: { in: before.blocks.filter((b) => b.sessionId === frozen.id).flatMap((b) => (b.positions as number[]).map(BigInt)) } },
      orderBy: { position: "desc" },
    });
    const late = {
      specversion: "1.0",
      id: "late-after-purge",
      source: last!.source,
      type: last!.type,
      time: new Date(frozen.lastEventAt.getTime() + 60_000).toISOString(),
      userid: last!.userid,
      anonymousid: last!.anonymousid,
      sessionid: last!.sessionid,
      data: last!.dataJson ?? {},
    };
    await importRecords(t.store, records([late]));
    await catchUp(t.store, { now: NOW });
    const after = await readModels(t);
    expect(after.sessions.find((s) => s.id === frozen.id)).toEqual(frozen);
    expect(after.sessions.length).toBe(before.sessions.length + 1);
    const added = after.sessions.find((s) => !before.sessions.some((b) => b.id === s.id))!;
    expect(added).toMatchObject({ person: frozen.person, eventCount: 1 });
    // Every other session is as it was.
    expect(after.sessions.filter((s) => s.id !== added.id)).toEqual(before.sessions);
  });
});
