import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../eventstore/append";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { catchUp } from "./projector";
import { listUserSessions, searchUserIds } from "./read-sessions";

const VICTIM = "usr-victim";
const registered = (id: string, source: string, value: Record<string, unknown>, minute: number) =>
  anEvent({
    id,
    source,
    type: T.userRegistered,
    subject: `user/${VICTIM}`,
    userid: VICTIM,
    time: new Date(Date.UTC(2026, 5, 1, 10, minute)),
    data: { kind: "json", value },
  });

describe.each(testProviders())("a registration from a service other than identity (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    await appendEvents(t.store, [
      registered("real", SOURCES.identity, { name: "Vera Victim", email: "vera@example.com", phone: "+44 7700 900111" }, 0),
      // The search service's key attaches its author's name, email and phone to the victim.
      registered("forged", SOURCES.search, { name: "Mallory Attacker", email: "mallory@evil.test", phone: "+44 7700 900999" }, 1),
    ]);
    await catchUp(t.store, { now: () => Date.parse("2026-06-02T00:00:00Z") });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("neither renames the customer nor makes them findable by the attacker's email, name or phone", async () => {
    const [session] = await listUserSessions(t.store, VICTIM);
    expect(session).toMatchObject({ personName: "Vera Victim", eventCount: 2 });
    for (const q of ["mallory@evil.test", "mallory", "attacker", "+44 7700 900999"]) expect(await searchUserIds(t.store, q), q).toEqual([]);
    for (const q of ["vera@example.com", "vera", "+44 7700 900111"]) expect(await searchUserIds(t.store, q), q).toEqual([VICTIM]);
  });
});
