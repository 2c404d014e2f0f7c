import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import { openStore, type Store } from "../db/prisma";
import { LIVE_CHECKPOINT } from "../db/read-store";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { readCheckpointPosition } from "./dead-letters";
import { catchUp, CHECKPOINT } from "./projector";
import { NotCaughtUpError, parseMinPosition, storeAtLeast } from "./read-position";

const visit = (id: string) => anEvent({ id, type: "page.viewed", subject: `visit/${id}`, userid: `u-${id}`, sessionid: `s-${id}` });

describe.each(testProviders())("reading at least a position on %s, with no replica", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("answers from the primary once its projector has folded that far, waits for it, and refuses after the wait", async () => {
    const [appended] = await appendEvents(t.store, [visit("first")]);
    const position = appended!.position;
    const stores = { primary: t.store, replica: null };
    // Not folded yet: refused after the wait, naming both positions.
    const refused = await storeAtLeast(stores, position, 200).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(NotCaughtUpError);
    expect(refused).toMatchObject({ minPosition: position, position: 0 });
    // Folded while it waits: answered by the primary as soon as it is.
    const waiting = storeAtLeast(stores, position, 5_000);
    await catchUp(t.store);
    expect(await waiting).toBe(t.store);
    expect(await storeAtLeast(stores, 0, 0)).toBe(t.store);
    expect(await readCheckpointPosition(t.store, CHECKPOINT)).toBeGreaterThanOrEqual(position);
  });

  it("refuses at once a position past the newest event: no one's append, nothing to wait for", async () => {
    const head = Number((await t.store.db.storedEvent.aggregate({ _max: { position: true } }))._max.position ?? 0);
    const started = Date.now();
    await expect(storeAtLeast({ primary: t.store, replica: null }, head + 1, 5_000)).rejects.toThrow(/past the newest event/);
    expect(Date.now() - started).toBeLessThan(1_000);
    // The read store's replica check reads the same checkpoint the projector writes.
    expect(LIVE_CHECKPOINT).toBe(CHECKPOINT);
  });

  it("takes minPosition as a whole number and names it when it is not one", () => {
    expect(parseMinPosition(new URLSearchParams(""))).toBeNull();
    expect(parseMinPosition(new URLSearchParams("minPosition=42"))).toBe(42);
    for (const bad of ["-1", "1.5", "x", "", "1e3", "9".repeat(16)]) {
      expect(() => parseMinPosition(new URLSearchParams({ minPosition: bad })), bad).toThrow(/^minPosition: must be a whole number/);
    }
  });
});

// The replica part needs a streaming replica of the TEST_DATABASE_URL server (.ci/run starts one).
const replicaServer = process.env.TEST_DATABASE_READ_URL?.trim();
const withReplica = replicaServer && process.env.TEST_DATABASE_URL && !process.env.TEST_READS_ON_REPLICA;
if (!withReplica) console.log("TEST_DATABASE_READ_URL is not set: the read-replica tests of lib/sessions/read-position.int.test.ts are skipped.");

describe.skipIf(!withReplica)("reading at least a position with a streaming replica", () => {
  let t: TestStore;
  let replica: Store;
  let replicaAdmin: pg.Client;
  beforeAll(async () => {
    t = await createTestStore("postgresql");
    const url = new URL(replicaServer!);
    url.pathname = new URL(t.target.url).pathname;
    replica = openStore({ provider: "postgresql", url: url.toString() });
    replicaAdmin = new pg.Client({ connectionString: replicaServer });
    await replicaAdmin.connect();
  });
  afterAll(async () => {
    await replicaAdmin?.query("SELECT pg_wal_replay_resume()").catch(() => undefined);
    await replicaAdmin?.end();
    await replica?.db.$disconnect();
    await t?.dispose();
  });

  async function replicaFolded(position: number): Promise<void> {
    const deadline = Date.now() + 15_000;
    while ((await readCheckpointPosition(replica, CHECKPOINT).catch(() => -1)) < position) {
      if (Date.now() > deadline) throw new Error(`the replica did not replay position ${position}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it("answers from the replica once it has replayed the position, from the primary while it is behind, and waits for the primary's projector", async () => {
    const stores = { primary: t.store, replica };
    const [first] = await appendEvents(t.store, [visit("replicated")]);
    await catchUp(t.store);
    await replicaFolded(first!.position);
    expect(await storeAtLeast(stores, first!.position, 0)).toBe(replica);
    const onReplica = await replica.db.session.findMany({ where: { userId: "u-replicated" } });
    expect(onReplica).toHaveLength(1);

    // The replica stops replaying (as when it falls behind): a newer position is the primary's to answer.
    await replicaAdmin.query("SELECT pg_wal_replay_pause()");
    const [second] = await appendEvents(t.store, [visit("behind")]);
    await catchUp(t.store);
    expect(await storeAtLeast(stores, second!.position, 0)).toBe(t.store);
    expect(await replica.db.session.count({ where: { userId: "u-behind" } })).toBe(0);
    expect(await t.store.db.session.count({ where: { userId: "u-behind" } })).toBe(1);

    // Appended but not yet folded anywhere: refused after the wait, then answered once the primary folds it.
    const [third] = await appendEvents(t.store, [visit("unfolded")]);
    await expect(storeAtLeast(stores, third!.position, 200)).rejects.toBeInstanceOf(NotCaughtUpError);
    const waiting = storeAtLeast(stores, third!.position, 5_000);
    await catchUp(t.store);
    expect(await waiting).toBe(t.store);

    // Replaying again, the replica catches up and answers once more.
    await replicaAdmin.query("SELECT pg_wal_replay_resume()");
    await replicaFolded(third!.position);
    expect(await storeAtLeast(stores, third!.position, 0)).toBe(replica);
    expect(await replica.db.session.count({ where: { userId: "u-behind" } })).toBe(1);
  });
});
