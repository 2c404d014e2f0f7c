import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchUserIds } from "../sessions/read-sessions";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";

// Twelve customers all named "gina alves" (two masked "G•••• A•••••••" an agent must tell apart),
// last seen at scattered times; one has no summary yet.
const SEEN: [userId: string, hour: number | null][] = [
  ["u-03", 5],
  ["u-11", 23],
  ["u-01", 9],
  ["u-07", null],
  ["u-05", 14],
  ["u-02", 1],
  ["u-09", 9],
  ["u-04", 20],
  ["u-12", 2],
  ["u-06", 17],
  ["u-08", 11],
  ["u-10", 3],
];

describe.each(testProviders())("the order of search results on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    await t.store.db.userSearchTerm.createMany({ data: SEEN.map(([userId]) => ({ term: "gina alves", userId, kind: "name" })) });
    await t.store.db.userSummary.createMany({
      data: SEEN.filter(([, h]) => h !== null).map(([userId, hour]) => ({
        userId,
        sessionCount: 1,
        firstSeen: new Date(Date.UTC(2026, 5, 1)),
        lastSeen: new Date(Date.UTC(2026, 5, 1, hour!)),
        lastOutcome: "browsed",
      })),
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("answers newest last seen first, ties by id, one never seen last, and cuts after ordering", async () => {
    // By another route: a plain sort of the table above.
    const expected = [...SEEN]
      .sort(([a, ha], [b, hb]) => (ha === null ? 1 : 0) - (hb === null ? 1 : 0) || (hb ?? 0) - (ha ?? 0) || (a < b ? -1 : 1))
      .map(([id]) => id);
    expect(expected.slice(0, 3)).toEqual(["u-11", "u-04", "u-06"]);
    expect(await searchUserIds(t.store, "gina alves", 50)).toEqual(expected);
    expect(await searchUserIds(t.store, "alves", 5)).toEqual(expected.slice(0, 5));
  });
});
