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
        { term: "ben_x smith", userId: "u2" },
        { term: "+44 7700 900123", userId: "u5" },
        { term: "bk-00042", userId: "u5" },
      ],
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it.each([
    ["ana@example.com", ["u1"]],
    [" ANA@EXAMPLE.COM ", ["u1"]],
    ["ana@", []],
    ["ana@example", []],
    ["+44 7700 900123", ["u5"]],
    ["7700", []],
    ["+44 7700", []],
    ["bk-0004", ["u5"]],
    ["%%", []],
    ["a_a", []],
    ["n_x", ["u2"]],
    ["0% r", ["u3"]],
    ["o'brien", ["u4"]],
    ["' or 1=1 --", []],
    ["example.com", []],
  ])("%s finds %j: wildcards and quotes are plain text", async (query, expected) => {
    expect(await searchUserIds(t.store, query)).toEqual(expected);
  });
});
