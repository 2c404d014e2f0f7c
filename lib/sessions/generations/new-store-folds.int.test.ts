import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "../../db/migrate";
import { sql } from "../../db/sql";
import { BOOKING_FOLD_VERSION } from "../../journeys/built-in-folds";
import { importRecords } from "../../importer/import-events";
import { createTestStore, testProviders, type TestStore } from "../../testing/test-stores";
import { liveGeneration, startReleaseGeneration } from ".";

async function* one(value: Record<string, unknown>) {
  yield { line: 1, value };
}

describe.each(testProviders())("the built-in fold versions of a new store, on %s", (provider) => {
  let t: TestStore;
  afterEach(async () => t?.dispose());

  it("a new store's live generation is this code's folds: nothing to fold again at start", async () => {
    t = await createTestStore(provider);
    expect((await liveGeneration(t.store)).definitions).toEqual({ "@booking": BOOKING_FOLD_VERSION });
    expect(await startReleaseGeneration(t.store)).toBeNull();
  });

  it("a store that holds events keeps the versions it was folded with, and the start folds it again", async () => {
    t = await createTestStore(provider);
    const event = {
      specversion: "1.0",
      id: "e-1",
      source: "/test",
      type: "search.destinations.searched",
      userid: "u-1",
      time: "2026-06-01T10:00:00Z",
      data: {},
    };
    expect((await importRecords(t.store, one(event))).appended).toBe(1);
    // As a store folded before fold versions were recorded: no "@" keys, read as version 1.
    await t.store.db.$executeRaw(sql`UPDATE "journey_generations" SET "definitions" = '{}' WHERE "state" = 'live'`);
    await migrateDatabase(t.target);
    expect((await liveGeneration(t.store)).definitions).toEqual({});
    expect(await startReleaseGeneration(t.store)).toMatchObject({ reason: `release: booking fold v${BOOKING_FOLD_VERSION}` });
  });
});
