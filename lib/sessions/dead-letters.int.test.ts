import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectOf } from "../db/dialect";
import type { Provider } from "../db/sql";
import { appendEvents } from "../eventstore/append";
import { readFeed, readHeadPosition } from "../eventstore/read";
import { anEvent } from "../testing/event-factory";
import { insertUnfoldableEvent } from "../testing/unfoldable-event";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { countDeadLetters, discardDeadLetter, isTransientFailure, listDeadLetters, setAsideEventsNear, setAsideNextEvent } from "./dead-letters";
import { buildGenerationStep, startGeneration, switchWhenCaughtUp } from "./generations";
import { retryDeadLetter } from "./isolate-failing-event";
import { CHECKPOINT, catchUp, rebuildProjections } from "./projector";
import { listUserSessions } from "./read-sessions";
import * as rm from "./projection-store";

const NOW = () => Date.parse("2026-06-02T00:00:00Z");
const DEEP = 1_200;

const visit = (id: string, userid: string, minute: number) =>
  anEvent({ id, userid, subject: `visit/${id}`, time: new Date(Date.parse("2026-06-01T10:00:00Z") + minute * 60_000) });

/** The deep event for `userid`, copied from a template event of theirs. */
async function insertDeepEvent(t: TestStore, id: string, userid: string): Promise<number> {
  const [template] = await appendEvents(t.store, [visit(`${id}-template`, userid, 1)]);
  return insertUnfoldableEvent(t.store, template!.position, id, DEEP);
}

/** A fold that fails for one user, whatever the database: the store refuses their search term. */
const POISON: Record<Provider, (userId: string) => string[]> = {
  sqlite: (userId) => [
    `CREATE TRIGGER "poison" BEFORE INSERT ON "user_search_terms" WHEN NEW."user_id" = '${userId}' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;`,
  ],
  postgresql: (userId) => {
    const refuse = `IF NEW."user_id" = '${userId}' THEN RAISE EXCEPTION 'poisoned'; END IF;`;
    return [
      `CREATE FUNCTION "poisoned"() RETURNS trigger AS $$ BEGIN ${refuse} RETURN NEW; END $$ LANGUAGE plpgsql`,
      `CREATE TRIGGER "poison" BEFORE INSERT ON "user_search_terms" FOR EACH ROW EXECUTE FUNCTION "poisoned"()`,
    ];
  },
};
async function poison(t: TestStore, userId: string) {
  for (const statement of POISON[t.store.target.provider](userId)) await t.store.db.$executeRawUnsafe(statement);
}
async function cure(t: TestStore) {
  await t.store.db.$executeRaw(dialectOf(t.store.target.provider).dropTrigger("poison", "user_search_terms"));
}

/** SQLite's json() refuses an event nested past 1,000 levels, so its fold fails; PostgreSQL folds it. */
const REFUSES_DEEP_JSON: Record<Provider, boolean> = { sqlite: true, postgresql: false };

async function checkpointOf(t: TestStore): Promise<number> {
  return t.store.db.$transaction((tx) => rm.lockAndReadCheckpoint(tx, CHECKPOINT));
}

describe.each(testProviders())("a page the projector cannot fold never blocks the rest, on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("an event nested deeper than 1,000 (written past ingestion) does not stall the sessions after it", async () => {
    await appendEvents(t.store, [visit("before", "u-before", 0)]);
    const deepPosition = await insertDeepEvent(t, "deep", "u-deep");
    await appendEvents(t.store, [visit("after", "u-after", 2), visit("deep-next", "u-deep", 3)]);

    await catchUp(t.store, { now: NOW });

    expect(await checkpointOf(t)).toBe(await readHeadPosition(t.store));
    expect(await listUserSessions(t.store, "u-before")).toHaveLength(1);
    expect(await listUserSessions(t.store, "u-after")).toHaveLength(1);
    const letters = await listDeadLetters(t.store);
    const refused = REFUSES_DEEP_JSON[provider];
    if (refused) {
      // SQLite's json() refuses it: set aside, by position and kind, never the message.
      expect(letters).toEqual([expect.objectContaining({ position: deepPosition, projection: "sessions", attempts: 1, status: "set_aside" })]);
      expect(letters[0]!.errorKind).not.toMatch(/\[|malformed|depth/i);
    } else {
      // PostgreSQL folds it: nothing to set aside.
      expect(letters).toEqual([]);
    }
    // Their session holds their other event; the replay shows the set-aside one beside it.
    const [session] = await listUserSessions(t.store, "u-deep");
    expect(session?.eventCount).toBe(refused ? 2 : 3);
    const beside = await setAsideEventsNear(t.store, session!, 30 * 60_000);
    expect(beside.map((e) => e.eventId)).toEqual(refused ? ["deep"] : []);
    // Still in the store, raw, for the explorer.
    const [raw] = await readFeed(t.store, { after: deepPosition - 1, limit: 1 });
    expect(raw?.eventId).toBe("deep");
    let depth = 0;
    for (let v = raw!.dataJson as unknown; Array.isArray(v); v = v[0]) depth += 1;
    expect(depth).toBe(DEEP);

    // A rebuild skips it rather than finding it again.
    await rebuildProjections(t.store, { now: NOW });
    expect(await listUserSessions(t.store, "u-after")).toHaveLength(1);
    expect(await countDeadLetters(t.store)).toBe(refused ? 1 : 0);
    if (refused) {
      // A retry that fails again keeps it aside and counts the attempt.
      expect(await retryDeadLetter(t.store, deepPosition, { now: NOW })).toBe(false);
      expect((await listDeadLetters(t.store))[0]).toMatchObject({ position: deepPosition, attempts: 2 });
      expect(await discardDeadLetter(t.store, deepPosition)).toBe(true);
      expect(await countDeadLetters(t.store)).toBe(0);
      expect(await listDeadLetters(t.store, "discarded")).toHaveLength(1);
    }
  });

  it("any fold failure sets the one event aside; a retry after the cause is gone folds it into its session", async () => {
    await poison(t, "u-poison");
    const [good1, bad, good2] = await appendEvents(t.store, [visit("p-1", "u-ok-1", 10), visit("p-2", "u-poison", 11), visit("p-3", "u-ok-2", 12)]);
    await catchUp(t.store, { now: NOW });

    expect(await checkpointOf(t)).toBe(good2!.position);
    expect(good1!.position).toBeLessThan(bad!.position);
    expect(await listUserSessions(t.store, "u-ok-1")).toHaveLength(1);
    expect(await listUserSessions(t.store, "u-ok-2")).toHaveLength(1);
    expect(await listUserSessions(t.store, "u-poison")).toHaveLength(0);
    expect((await listDeadLetters(t.store)).map((l) => l.position)).toEqual([bad!.position]);

    expect(await retryDeadLetter(t.store, bad!.position, { now: NOW })).toBe(false);
    // A new generation built meanwhile skips it too, and gets it when it is retried.
    await startGeneration(t.store, { definitions: {}, reason: "built while an event is set aside" });
    let step = await buildGenerationStep(t.store, { now: NOW });
    while (step && !step.caughtUp) step = await buildGenerationStep(t.store, { now: NOW });
    await cure(t);
    expect(await retryDeadLetter(t.store, bad!.position, { now: NOW })).toBe(true);
    expect(await listUserSessions(t.store, "u-poison")).toHaveLength(1);
    expect(await switchWhenCaughtUp(t.store, { now: NOW })).toMatchObject({ switched: true });
    expect(await listUserSessions(t.store, "u-poison")).toHaveLength(1);
    expect(await listDeadLetters(t.store)).toEqual([]);
    // Only a set-aside event is retried: the action cannot fold an arbitrary position.
    expect(await retryDeadLetter(t.store, bad!.position, { now: NOW })).toBeNull();
    expect(await retryDeadLetter(t.store, good1!.position, { now: NOW })).toBeNull();
  });

  it("sets aside only the event that failed: when another projector moved the checkpoint since, nothing", async () => {
    const [a] = await appendEvents(t.store, [visit("race-1", "u-race", 20), visit("race-2", "u-race-2", 21)]);
    await catchUp(t.store, { now: NOW });
    const before = await countDeadLetters(t.store);
    // The fold that "failed" started before the checkpoint that now stands: the next event is not known bad.
    expect(await setAsideNextEvent(t.store, CHECKPOINT, new Error("x"), a!.position - 1)).toBeUndefined();
    expect(await countDeadLetters(t.store)).toBe(before);
  });

  it("a busy store is the store's failure, not the event's: it is backed off, never set aside", () => {
    const coded = (code: string) => Object.assign(new Error("busy"), { code });
    for (const code of ["P2028", "P2034", "40001", "SQLITE_BUSY"]) expect(isTransientFailure(coded(code)), code).toBe(true);
    for (const code of ["P2010", "SQLITE_ERROR", "22P02"]) expect(isTransientFailure(coded(code)), code).toBe(false);
  });
});
