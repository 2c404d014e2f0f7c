import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlockedUserError } from "../ingest/blocked-check";
import { importRecords } from "../importer/import-events";
import type { FileRecord } from "../importer/read-records";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { appendUnlessBlocked, blockUser, listBlockedUsers, unblockUser } from "./blocked-users";

const ev = (id: string, userid: string | null) => anEvent({ id, source: "test/block", subject: `block/${id}`, userid });

async function* records(values: unknown[]): AsyncIterable<FileRecord> {
  let line = 0;
  for (const value of values) yield { line: ++line, value } as FileRecord;
}

describe.each(testProviders())("the ingestion block list (%s)", (provider) => {
  let t: TestStore;
  const count = () => t.store.db.storedEvent.count();
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(() => t.dispose());

  it("refuses a whole batch with one blocked user id, naming the event by index and id and the reason, and writes nothing", async () => {
    await appendUnlessBlocked(t.store, [ev("ok-0", "jane@example.com")]);
    await blockUser(t.store, { userId: "jane@example.com", reason: "erased on request, ticket GDPR-12", blockedBy: "admin@rewind.test" });
    const before = await count();
    const batch = [ev("b-0", "someone-else"), ev("b-1", null), ev("b-2", "jane@example.com"), ev("b-3", "someone-else")];
    const refused = await appendUnlessBlocked(t.store, batch).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BlockedUserError);
    expect(refused).toMatchObject({ index: 2, id: "b-2", reason: "erased on request, ticket GDPR-12" });
    expect((refused as Error).message).toBe('event 2 (id "b-2"): its user id is blocked: erased on request, ticket GDPR-12');
    // Personal data stays out of the refusal: the id is named by the event, never quoted.
    expect((refused as Error).message).not.toContain("jane@example.com");
    expect(await count()).toBe(before);
    expect(await t.store.db.storedEvent.count({ where: { eventId: { startsWith: "b-" } } })).toBe(0);
  });

  it("lists the block with who and when, and accepts the same batch once unblocked", async () => {
    const [row] = await listBlockedUsers(t.store);
    expect(row).toMatchObject({ userId: "jane@example.com", blockedBy: "admin@rewind.test" });
    expect(await unblockUser(t.store, "jane@example.com")).toBe(true);
    expect(await unblockUser(t.store, "jane@example.com")).toBe(false);
    const before = await count();
    const batch = [ev("b-0", "someone-else"), ev("b-1", null), ev("b-2", "jane@example.com"), ev("b-3", "someone-else")];
    const results = await appendUnlessBlocked(t.store, batch);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(4);
    expect(await count()).toBe(before + 4);
  });

  it("the import refuses the blocked user's record on its line and imports the rest", async () => {
    await blockUser(t.store, { userId: "u-imported", reason: "fraud case 7", blockedBy: "command line (test)" });
    const cloud = (id: string, userid: string) => ({ specversion: "1.0", id, source: "test/import", type: "search.test.done", subject: `imp/${id}`, userid });
    const summary = await importRecords(t.store, records([cloud("i-1", "u-fine"), cloud("i-2", "u-imported"), cloud("i-3", "u-fine")]));
    expect(summary).toMatchObject({ read: 3, appended: 2, refusedCount: 1 });
    expect(summary.refused).toEqual([{ line: 2, reason: 'event (id "i-2"): its user id is blocked: fraud case 7' }]);
    expect(await t.store.db.storedEvent.count({ where: { userid: "u-imported" } })).toBe(0);
  });

  it("blocking again replaces the reason (one row per user id)", async () => {
    expect(await blockUser(t.store, { userId: "u-imported", reason: "fraud case 8", blockedBy: "admin@rewind.test" })).toEqual({ already: true });
    const rows = (await listBlockedUsers(t.store)).filter((r) => r.userId === "u-imported");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.reason).toBe("fraud case 8");
    await expect(appendUnlessBlocked(t.store, [ev("b-9", "u-imported")])).rejects.toThrow("its user id is blocked: fraud case 8");
  });
});
