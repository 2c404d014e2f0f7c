import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialectOf } from "../../db/dialect";
import type { Provider } from "../../db/sql";
import { appendEvents } from "../../eventstore/append";
import { anEvent } from "../../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../../testing/test-stores";
import { countDeadLetters } from "../dead-letters";
import { retryDeadLetter } from "../isolate-failing-event";
import { catchUp, rebuildProjections } from "../projector";
import { listUserSessions } from "../read-sessions";
import { liveGeneration, rollBackGeneration } from ".";

const NOW = () => Date.parse("2026-06-02T00:00:00Z");
const visit = (id: string, userid: string, minute: number) =>
  anEvent({ id, userid, subject: `visit/${id}`, time: new Date(Date.parse("2026-06-01T10:00:00Z") + minute * 60_000) });

/** The store refuses one user's search terms, so a fold of their events fails (as in dead-letters.int.test.ts). */
const POISON: Record<Provider, (userId: string) => string[]> = {
  sqlite: (userId) => [
    `CREATE TRIGGER "poison" BEFORE INSERT ON "user_search_terms" WHEN NEW."user_id" = '${userId}' BEGIN SELECT RAISE(ABORT, 'poisoned'); END;`,
  ],
  postgresql: (userId) => [
    `CREATE FUNCTION "poisoned"() RETURNS trigger AS $$ BEGIN
      IF NEW."user_id" = '${userId}' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    `CREATE TRIGGER "poison" BEFORE INSERT ON "user_search_terms" FOR EACH ROW EXECUTE FUNCTION "poisoned"()`,
  ],
};

describe.each(testProviders())("a retried event and the kept generations on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("an event set aside before a switch and retried after it is in the kept generation too, so a rollback keeps it", async () => {
    await appendEvents(t.store, [visit("ok-1", "u-ok", 1)]);
    for (const statement of POISON[provider]("u-poison")) await t.store.db.$executeRawUnsafe(statement);
    // Not the newest event: a generation's checkpoint passes a set-aside event only when it reads one after it.
    await appendEvents(t.store, [visit("bad-1", "u-poison", 2), visit("ok-2", "u-ok-2", 3)]);
    await catchUp(t.store, { now: NOW });
    expect(await countDeadLetters(t.store)).toBe(1);
    const first = await liveGeneration(t.store);
    // A rebuild skips the set-aside event too; the generation it retires keeps its tables, and the trigger with them.
    await rebuildProjections(t.store, { now: NOW });
    await t.store.db.$executeRaw(dialectOf(provider).dropTrigger("poison", `user_search_terms__g${first.id}`));

    const [position] = (await t.store.db.deadLetter.findMany()).map((d) => Number(d.position));
    expect(await retryDeadLetter(t.store, position!, { now: NOW })).toBe(true);
    expect(await listUserSessions(t.store, "u-poison")).toHaveLength(1);
    const rolled = await rollBackGeneration(t.store, { now: NOW });
    expect(rolled.generation.id).toBe(first.id);
    expect(await listUserSessions(t.store, "u-poison")).toHaveLength(1);
    expect(await listUserSessions(t.store, "u-ok")).toHaveLength(1);
  });
});
