import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql as sqlTemplate } from "../db/sql";
import { appendEvents } from "../eventstore/append";
import { EVENT_TYPES as T, SOURCES } from "../journeys/booking/booking-events";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { referencesOf } from "../users/user-references";
import { countDeadLetters } from "./dead-letters";
import { catchUp } from "./projector";
import { listUserSessions, searchUserIds } from "./read-sessions";

const ALPHABET = "abcdefghijklmnopqrstuvwxyz '-.@0123456789";

/**
 * The attack of finding 10: a caller who sees only masked names extends a guess one character at
 * a time while the search still finds the customer. Answers what it rebuilt.
 */
async function probe(find: (query: string) => Promise<string[]>, userId: string, maxLength = 24): Promise<string> {
  let known = "";
  for (let i = 0; i < maxLength; i++) {
    let extended = false;
    for (const ch of ALPHABET) {
      if ((await find(known + ch)).includes(userId)) {
        known += ch;
        extended = true;
        break;
      }
    }
    if (!extended) break;
  }
  return known;
}

describe.each(testProviders())("customer search on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    await t.store.db.userSearchTerm.createMany({
      data: [
        { term: "ana@example.com", userId: "u1", kind: "email" },
        { term: "ben_x@example.com", userId: "u2", kind: "email" },
        { term: "100% real", userId: "u3", kind: "name" },
        { term: "o'brien", userId: "u4", kind: "name" },
        { term: "ben_x smith", userId: "u2", kind: "name" },
        { term: "+44 7700 900123", userId: "u5", kind: "phone" },
        { term: "bk-00042", userId: "u5", kind: "booking" },
        { term: "jane doe", userId: "u6", kind: "name" },
        { term: "cust-0099", userId: "cust-0099", kind: "user" },
        { term: "zed@example.org", userId: "zed@example.org", kind: "user" },
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
    ["%%", []],
    ["a_a", []],
    ["0% r", []],
    ["100% real", ["u3"]],
    ["o'brien", ["u4"]],
    ["' or 1=1 --", []],
    ["example.com", []],
  ])("%s finds %j: wildcards and quotes are plain text, emails and phones match whole", async (query, expected) => {
    expect(await searchUserIds(t.store, query)).toEqual(expected);
  });

  it.each([
    ["jane", ["u6"]],
    ["doe", ["u6"]],
    ["jane doe", ["u6"]],
    ["  Jane   DOE ", ["u6"]],
    ["jan", []],
    ["jane d", []],
    ["ane", []],
    ["n_x", []],
    ["ben_x", ["u2"]],
  ])("names match whole words only: %s finds %j", async (query, expected) => {
    expect(await searchUserIds(t.store, query)).toEqual(expected);
  });

  it.each([
    ["bk-00042", ["u5"]],
    ["bk-0004", ["u5"]],
    ["bk-", ["u5"]],
    ["bk", []],
    ["00042", []],
    ["cust-00", ["cust-0099"]],
    ["cu", []],
    // a user id that is itself an email matches only whole, like any email
    ["zed@example.org", ["zed@example.org"]],
    ["zed", []],
    ["zed@ex", []],
  ])("user ids and booking references match a prefix of 3 or more: %s finds %j", async (query, expected) => {
    expect(await searchUserIds(t.store, query)).toEqual(expected);
  });

  it("a masked name cannot be rebuilt by probing one character at a time", async () => {
    const find = (q: string) => searchUserIds(t.store, q);
    expect(await find("jane doe")).toEqual(["u6"]);
    expect(await probe(find, "u6")).toBe("");
    expect(await probe(find, "u4")).toBe("");
    expect(await probe(find, "u1")).toBe("");
  });
});

describe.each(testProviders())("customer search over projected events on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    await appendEvents(t.store, [
      anEvent({
        id: "r1",
        source: SOURCES.identity,
        type: T.userRegistered,
        subject: "user/mia.lund@example.com",
        userid: "mia.lund@example.com",
        data: { kind: "json", value: { name: "Mia Lund", email: "mia.lund@example.com", phone: "+46 70 123 45 67" } },
      }),
    ]);
    await catchUp(t.store, { now: () => Date.parse("2026-06-02T00:00:00Z") });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("finds the customer by whole email (their id), whole name words, whole phone, and their reference; not by parts", async () => {
    const id = "mia.lund@example.com";
    const reference = (await referencesOf(t.store.db, provider, [id])).get(id)!;
    for (const q of [id, "mia", "lund", "mia lund", "+46 70 123 45 67", reference]) expect(await searchUserIds(t.store, q), q).toEqual([id]);
    for (const q of ["mia.", "mia.lund", "mi", "lun", "+46 70", reference.slice(0, 8)]) expect(await searchUserIds(t.store, q), q).toEqual([]);
    expect(await probe((q) => searchUserIds(t.store, q), id)).toBe("");
  });

  it("a name too long to be a search term is left out of the index, not the customer's session (PostgreSQL refused the page)", async () => {
    // Random letters, which PostgreSQL cannot compress below its index entry limit (about 2,700 bytes).
    let seed = 42;
    const name = Array.from({ length: 3_000 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return String.fromCharCode(97 + (seed % 26));
    }).join("");
    await appendEvents(t.store, [
      anEvent({
        id: "r-long",
        source: SOURCES.identity,
        type: T.userRegistered,
        subject: "user/u-long-name",
        userid: "u-long-name",
        data: { kind: "json", value: { name, email: "long.name@example.com" } },
      }),
    ]);
    await catchUp(t.store, { now: () => Date.parse("2026-06-02T00:00:00Z") });
    expect(await countDeadLetters(t.store)).toBe(0);
    expect(await listUserSessions(t.store, "u-long-name")).toHaveLength(1);
    expect(await searchUserIds(t.store, "long.name@example.com")).toEqual(["u-long-name"]);
  });
});

describe.each(testProviders())("search terms projected before they had kinds, on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("migration 0009 classifies them by shape: the user id, emails and phone numbers; the rest are names", async () => {
    const rows: [string, string][] = [
      ["usr-7", "usr-7"],
      ["ana@example.com", "usr-7"],
      ["+44 7700 900123", "usr-7"],
      ["ana lund", "usr-7"],
      ["bk-1", "usr-7"],
    ];
    for (const [term, userId] of rows) {
      await t.store.db.$executeRaw(sqlTemplate`INSERT INTO "user_search_terms" ("term", "user_id") VALUES (${term}, ${userId})`);
    }
    const sql = readFileSync(`prisma/migrations/${provider}/0009_user_references.sql`, "utf8");
    for (const update of sql.match(/^UPDATE "user_search_terms"[^;]*/gm)!) await t.store.db.$executeRawUnsafe(update);
    const kinds = Object.fromEntries((await t.store.db.userSearchTerm.findMany()).map((r) => [r.term, r.kind]));
    expect(kinds).toEqual({ "usr-7": "user", "ana@example.com": "email", "+44 7700 900123": "phone", "ana lund": "name", "bk-1": "name" });
  });
});
