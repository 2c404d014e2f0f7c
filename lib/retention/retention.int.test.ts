import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../db/prisma";
import { globMatches } from "../glob/glob";
import type { StoredEvent } from "../generated/sqlite/client";
import { verifyStore } from "../integrity/verify-store";
import { catchUp } from "../sessions/projector";
import { simulateWorld } from "../simulate/world";
import { appendRetentionWorld, RETENTION_WORLD_START } from "../testing/retention-world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { manifestPathOf, readManifest, toArchiveLine } from "./archive";
import { previewRetention } from "./due-sql";
import { saveRetentionPolicy } from "./policy-store";
import { purgeRetention } from "./purge";
import { verifyArchive } from "./verify-archive";

const DAY = 86_400_000;
const NOW = new Date("2026-01-15T00:00:00Z");
// Two rules (searches kept 9 days, payments from the payment service 6): the world's 12 days straddle both.
const POLICY = {
  rules: [
    { types: "search.*", keepDays: 9 },
    { types: ["payment.*"], sources: "/holidays/payment", keepDays: 6 },
  ],
  defaultKeepDays: null,
};

const allEvents = (store: Store) => store.db.storedEvent.findMany({ orderBy: { position: "asc" } });

/** What the policy should remove, by a plain loop over the raw rows: first matching rule, recorded time, newest event kept. */
function expectedDue(rows: StoredEvent[]) {
  const head = rows.at(-1)!.position;
  const perRule = [0, 1].map(() => ({ rows: [] as StoredEvent[] }));
  for (const row of rows) {
    if (row.position === head) continue;
    let rule = -1;
    if (globMatches("search.*", row.type)) rule = 0;
    else if (globMatches("payment.*", row.type) && globMatches("/holidays/payment", row.source)) rule = 1;
    if (rule < 0) continue;
    const keep = rule === 0 ? 9 : 6;
    if (row.recordedAt.getTime() < NOW.getTime() - keep * DAY) perRule[rule]!.rows.push(row);
  }
  return perRule.map(({ rows: due }) => {
    let oldest: Date | null = null;
    let newest: Date | null = null;
    for (const r of due) {
      if (!oldest || r.recordedAt < oldest) oldest = r.recordedAt;
      if (!newest || r.recordedAt > newest) newest = r.recordedAt;
    }
    return { count: due.length, oldest, newest, rows: due };
  });
}

const countByType = (rows: StoredEvent[]) => {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.type] = (out[r.type] ?? 0) + 1;
  return out;
};

describe.each(testProviders())("retention on %s", (provider) => {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.dispose();
    t = undefined;
  });

  async function seeded() {
    t = await createTestStore(provider);
    await appendRetentionWorld(t.store, simulateWorld({ users: 25, days: 12, seed: "retention", start: RETENTION_WORLD_START }));
    await catchUp(t.store, { now: () => NOW.getTime() });
    const saved = await saveRetentionPolicy(t.store, POLICY, "test");
    return { store: t.store, version: saved.version, dir: mkdtempSync(join(tmpdir(), "rewind-archive-")) };
  }

  it("previews, dry-runs and purges by recorded time: counts by a plain loop, the archive is exactly the removed rows, verify counts them purged", async () => {
    const { store, version, dir } = await seeded();
    const before = await allEvents(store);
    const expected = expectedDue(before);
    expect(expected[0]!.count).toBeGreaterThan(20);
    expect(expected[1]!.count).toBeGreaterThan(5);
    // Some of each rule's events are recorded too recently to go: the cut-off is real.
    expect(before.filter((r) => r.type.startsWith("search.")).length).toBeGreaterThan(expected[0]!.count);

    const preview = await previewRetention(store, (await import("./policy")).retentionPolicySchema.parse(POLICY), version, NOW);
    expect(preview.map((p) => ({ count: p.count, oldest: p.oldest, newest: p.newest }))).toEqual(expected.map(({ rows: _, ...rest }) => rest));
    expect(preview[0]!.rule).toBe(`search.* kept 9 days (retention policy v${version})`);

    const dry = await purgeRetention(store, { now: NOW, dryRun: true, dir });
    expect(dry.count).toBe(expected[0]!.count + expected[1]!.count);
    expect(await store.db.storedEvent.count()).toBe(before.length);
    expect(await store.db.eventTombstone.count()).toBe(0);
    expect(readdirSync(dir)).toEqual([]);

    const result = await purgeRetention(store, { now: NOW, dir, batch: 97 });
    const removed = [...expected[0]!.rows, ...expected[1]!.rows].sort((a, b) => Number(a.position - b.position));
    expect(result.count).toBe(removed.length);
    expect(result.rules.map((r) => r.count)).toEqual([expected[0]!.count, expected[1]!.count]);

    // Nothing else is lost: every other event is still there, type by type.
    const after = await allEvents(store);
    const removedSet = new Set(removed.map((r) => r.position));
    expect(after.length).toBe(before.length - removed.length);
    expect(countByType(after)).toEqual(countByType(before.filter((r) => !removedSet.has(r.position))));

    // The archive: one line per removed event, exactly its stored row, in position order.
    const lines = gunzipSync(readFileSync(result.archive!)).toString("utf8").trim().split("\n");
    expect(lines).toEqual(removed.map(toArchiveLine));
    expect(JSON.parse(lines[0]!).position).toBe(Number(removed[0]!.position));
    const manifest = readManifest(result.manifest!);
    expect(manifest).toMatchObject({ purgeId: result.purgeId, policyVersion: version, count: removed.length });
    expect(manifest.positions).toEqual(removed.map((r) => Number(r.position)));
    expect(manifest.events).toEqual(removed.map((r) => ({ position: Number(r.position), contentHash: r.contentHash })));
    expect(manifest.chainBefore).toEqual({ position: Number(before.at(-1)!.position), link: before.at(-1)!.chainHash });
    expect(manifest.chainAfter).toEqual(manifest.chainBefore);

    // Tombstones: one per removed event, with the session that held it and the rule in words.
    const tombstones = await store.db.eventTombstone.findMany({ orderBy: { position: "asc" } });
    expect(tombstones.map((x) => [x.position, x.contentHash, x.chainHash])).toEqual(removed.map((r) => [r.position, r.contentHash, r.chainHash]));
    expect(tombstones.filter((x) => x.sessionId !== null).length).toBeGreaterThan(removed.length / 2);
    expect(new Set(tombstones.map((x) => x.rule))).toEqual(new Set(result.rules.map((r) => r.rule)));

    const v = await verifyStore(store, { digest: manifest.chainBefore });
    expect({ problems: v.problems, checked: v.checked, purged: v.purged, matched: v.digestMatched }).toEqual({
      problems: [],
      checked: after.length,
      purged: removed.length,
      matched: true,
    });
    expect(await verifyArchive(store, result.archive!)).toEqual({ purgeId: result.purgeId, checked: removed.length, erased: 0, problems: [] });

    // Run again: nothing more is due.
    expect((await purgeRetention(store, { now: NOW, dir })).count).toBe(0);
  });

  it("names a tampered archive, and still catches an event removed behind Rewind's back", async () => {
    const { store, dir } = await seeded();
    const result = await purgeRetention(store, { now: NOW, dir });
    const lines = gunzipSync(readFileSync(result.archive!)).toString("utf8").trim().split("\n");
    const victim = JSON.parse(lines[3]!) as Record<string, unknown>;
    lines[3] = JSON.stringify({ ...victim, data_json: { ...(victim.data_json as object), query: "changed" } });
    const reordered = JSON.parse(lines[5]!) as Record<string, unknown>;
    lines[5] = JSON.stringify({ ...reordered, recorded_at: new Date(Date.parse(String(reordered.recorded_at)) + 1000).toISOString() });
    const tampered = join(dir, "tampered.ndjson.gz");
    writeFileSync(tampered, gzipSync(`${lines.join("\n")}\n`));
    writeFileSync(manifestPathOf(tampered), readFileSync(result.manifest!));
    const checked = await verifyArchive(store, tampered);
    expect(checked.problems).toEqual([
      { position: victim.position, problem: `event ${victim.position}'s content does not hash to what the store recorded: it was changed` },
      {
        position: reordered.position,
        problem: `event ${reordered.position}'s chain link does not recompute to the store's: its stream, version, times or extensions were changed`,
      },
    ]);

    // An event deleted without a tombstone: the chain breaks at the next event. (One deleted just
    // before a purged event is caught by that archive's check instead: docs/retention.md.)
    const rows = await allEvents(store);
    const tombstoned = new Set((await store.db.eventTombstone.findMany({ select: { position: true } })).map((x) => x.position));
    const at = rows.findIndex((r, i) => i > rows.length / 2 && rows[i + 1] && !tombstoned.has(r.position + 1n) && rows[i + 1]!.position === r.position + 1n);
    const gone = rows[at]!;
    await store.db.$executeRawUnsafe(`DELETE FROM "events" WHERE "position" = ${gone.position}`);
    expect((await verifyStore(store)).problems).toEqual([{ kind: "chain", position: Number(rows[at + 1]!.position) }]);
  });

  it("refuses a second purge while one runs, and a policy that is not valid", async () => {
    const { store, dir } = await seeded();
    await store.db.retentionLock.update({ where: { id: 1 }, data: { purgeId: "purge-other", claimedAt: new Date() } });
    await expect(purgeRetention(store, { now: NOW, dir })).rejects.toThrow("another retention purge (purge-other) is running");
    expect(await store.db.eventTombstone.count()).toBe(0);
    await expect(saveRetentionPolicy(store, { rules: [{ types: [], keepDays: 0 }], defaultKeepDays: null } as never, "test")).rejects.toThrow();
    expect(await store.db.retentionPolicy.count()).toBe(1);
  });
});
