import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { searchUserIds } from "./read-sessions";

describe.each(testProviders())("customer search on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    await t.store.db.userSearchTerm.createMany({
      data: [
        { term: "ana@example.com", userId: "u1" },
        { term: "ben_x@example.com", userId: "u2" },
        { term: "100% real", userId: "u3" },
        { term: "o'brien", userId: "u4" },
      ],
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it.each([
    ["ana@", ["u1"]],
    ["ANA@EXAMPLE", ["u1"]],
    ["%%", []],
    ["a_a", []],
    ["n_x", ["u2"]],
    ["0% r", ["u3"]],
    ["o'brien", ["u4"]],
    ["' or 1=1 --", []],
    ["example.com", ["u1", "u2"]],
  ])("%s finds %j: wildcards and quotes are plain text", async (query, expected) => {
    expect(await searchUserIds(t.store, query)).toEqual(expected);
  });
});
