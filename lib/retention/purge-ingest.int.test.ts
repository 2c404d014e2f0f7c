import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import type { IncomingEvent } from "../ingest/cloud-event";
import { validateStructuredEvent } from "../ingest/normalise";
import { verifyStore } from "../integrity/verify-store";
import { simulateWorld } from "../simulate/world";
import { appendRetentionWorld, RETENTION_WORLD_START } from "../testing/retention-world";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { saveRetentionPolicy } from "./policy-store";
import { purgeRetention } from "./purge";

function fresh(round: number, n: number): IncomingEvent[] {
  return Array.from({ length: n }, (_, i) => {
    const v = validateStructuredEvent(
      { specversion: "1.0", id: `live-${round}-${i}`, source: "/live", type: "search.live.typed", subject: `live/${round % 7}`, data: { i } },
      i,
    );
    if (!v.ok) throw new Error("does not validate");
    return v.event;
  });
}

describe.each(testProviders())("a purge while ingestion runs on %s", (provider) => {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.dispose();
    t = undefined;
  });

  it("loses nothing: every event appended during the purge is there, the purged ones are tombstoned, and the chain verifies", async () => {
    t = await createTestStore(provider);
    const store = t.store;
    await appendRetentionWorld(store, simulateWorld({ users: 25, days: 12, seed: "purge-ingest", start: RETENTION_WORLD_START }));
    // Everything recorded before 10 January goes, searches included: the new events are recorded now, so they stay.
    await saveRetentionPolicy(store, { rules: [], defaultKeepDays: 5 }, "test");
    const before = await store.db.storedEvent.count();
    const now = new Date("2026-01-15T00:00:00Z");

    let purging = true;
    let appended = 0;
    const ingest = (async () => {
      // Bounded, with a turn of the event loop between appends, as requests would come.
      for (let round = 0; round < 200 && (purging || round < 5); round++) {
        appended += (await appendEvents(store, fresh(round, 20))).length;
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    const result = await purgeRetention(store, { now, dir: mkdtempSync(join(tmpdir(), "rewind-archive-")), batch: 50 });
    purging = false;
    await ingest;

    expect(result.count).toBeGreaterThan(500);
    expect(appended).toBeGreaterThanOrEqual(100);
    expect(await store.db.storedEvent.count({ where: { source: "/live" } })).toBe(appended);
    expect(await store.db.storedEvent.count()).toBe(before + appended - result.count);
    expect(await store.db.eventTombstone.count()).toBe(result.count);
    const v = await verifyStore(store);
    expect({ problems: v.problems, purged: v.purged, checked: v.checked }).toEqual({
      problems: [],
      purged: result.count,
      checked: before + appended - result.count,
    });
  }, 120_000);
});
