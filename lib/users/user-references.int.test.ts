import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import { catchUp, rebuildProjections } from "../sessions/projector";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { assignReferences, isReference, referencesOf, resolveCustomer } from "./user-references";

const EMAIL_ID = "jane.doe@example.com";
const NOW = () => Date.parse("2026-06-02T00:00:00Z");

const visit = (id: string, userid: string, minute: number) =>
  anEvent({ id, source: "test/web", type: "search.search.performed", subject: `web/${userid}`, userid, time: new Date(Date.UTC(2026, 5, 1, 10, minute)) });

async function projectedStore(provider: Parameters<typeof createTestStore>[0]) {
  const t = await createTestStore(provider);
  await appendEvents(t.store, [visit("e1", EMAIL_ID, 0), visit("e2", "u-2", 1), visit("e3", "u-3", 2)]);
  await catchUp(t.store, { now: NOW });
  return t;
}

const allReferences = async (t: TestStore) => new Map((await t.store.db.userReference.findMany()).map((r) => [r.userId, r.reference]));

describe.each(testProviders())("customers' references on %s", (provider) => {
  let t: TestStore;
  let other: TestStore;
  beforeAll(async () => {
    [t, other] = await Promise.all([projectedStore(provider), projectedStore(provider)]);
  });
  afterAll(async () => {
    await Promise.all([t?.dispose(), other?.dispose()]);
  });

  it("gives every user id the projector sees one reference of its own, in the documented form", async () => {
    const refs = await allReferences(t);
    expect([...refs.keys()].sort()).toEqual([EMAIL_ID, "u-2", "u-3"].sort());
    for (const reference of refs.values()) expect(isReference(reference)).toBe(true);
    expect(new Set(refs.values()).size).toBe(3);
    // Nothing of the id is in it.
    expect(refs.get(EMAIL_ID)).not.toMatch(/jane|doe|example/);
  });

  it("keeps a reference once given: more events, a catch-up, a rebuild and another assignment leave it", async () => {
    const before = await allReferences(t);
    await appendEvents(t.store, [visit("e4", EMAIL_ID, 5), visit("e5", "u-4", 6)]);
    await catchUp(t.store, { now: NOW });
    await rebuildProjections(t.store, { now: NOW });
    await assignReferences(t.store.db, provider, [EMAIL_ID, "u-2"]);
    const after = await allReferences(t);
    for (const [id, reference] of before) expect(after.get(id)).toBe(reference);
    expect(isReference(after.get("u-4")!)).toBe(true);
  });

  it("is random, not computed from the id: the same events in another store get other references", async () => {
    const [a, b] = await Promise.all([allReferences(t), allReferences(other)]);
    for (const id of [EMAIL_ID, "u-2", "u-3"]) expect(a.get(id)).not.toBe(b.get(id));
  });

  it("resolves either form to the same customer, and nothing else", async () => {
    const reference = (await referencesOf(t.store.db, provider, [EMAIL_ID])).get(EMAIL_ID)!;
    expect(await resolveCustomer(t.store.db, provider, EMAIL_ID)).toEqual({ userId: EMAIL_ID, reference });
    expect(await resolveCustomer(t.store.db, provider, reference)).toEqual({ userId: EMAIL_ID, reference });
    expect(await resolveCustomer(t.store.db, provider, "nobody@example.com")).toBeNull();
    expect(await resolveCustomer(t.store.db, provider, "cus_00000000000000000000")).toBeNull();
    // Another store's reference for the same id names nobody here.
    const foreign = (await referencesOf(other.store.db, provider, [EMAIL_ID])).get(EMAIL_ID)!;
    expect(await resolveCustomer(t.store.db, provider, foreign)).toBeNull();
  });

  it("the migration gives customers projected before references existed one each", async () => {
    await t.store.db.userReference.deleteMany();
    const sql = readFileSync(`prisma/migrations/${provider}/0009_user_references.sql`, "utf8");
    const from = sql.indexOf(`INSERT INTO "user_references"`);
    const backfill = sql.slice(from, sql.indexOf(";", from));
    await t.store.db.$executeRawUnsafe(backfill);
    const refs = await allReferences(t);
    const users = await t.store.db.userSummary.findMany();
    expect(refs.size).toBe(users.length);
    for (const u of users) expect(isReference(refs.get(u.userId)!)).toBe(true);
    expect(new Set(refs.values()).size).toBe(users.length);
  });
});
