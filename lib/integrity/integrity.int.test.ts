import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { makeEventPartition } from "../db/event-partitions";
import type { Store } from "../db/prisma";
import type { Provider } from "../db/sql";
import { liftUpdateGuard } from "../db/update-guard";
import { contentHash } from "../eventstore/canonical";
import { importRecords } from "../importer/import-events";
import { validateStructuredEvent } from "../ingest/normalise";
import { simulateWorld } from "../simulate/world";
import { OTTO_FIXTURE } from "../testing/realdata";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { chainLink } from "./chain";
import { checkEvents, currentDigest, verifyStore } from "./verify-store";

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

/** Events of every shape the content hash has to survive a round trip through the store with. */
function variety(): Record<string, unknown>[] {
  const base = { specversion: "1.0", source: "/integrity/test", type: "integrity.checked" };
  return [
    {
      ...base,
      id: "json",
      subject: "s/1",
      time: "2026-03-01T10:00:00.123Z",
      datacontenttype: "application/json",
      data: { b: 1, a: [1.5, "x", null, { z: true }], ü: "é" },
    },
    { ...base, id: "no-data" },
    { ...base, id: "null-data", data: null },
    { ...base, id: "text", datacontenttype: "text/plain", data: "plain words" },
    { ...base, id: "binary", data_base64: "AAECAwQ=" },
    { ...base, id: "extensions", userid: "u-1", correlationid: "c-1", causationid: "json", traceparent: "00-abc-def-01", retries: 3, urgent: true },
    { ...base, id: "schema", dataschema: "https://example.com/schema", data: 42 },
  ];
}

/** OTTO's real clickstream, the first sessions, as CloudEvents. */
function otto(limit: number): Record<string, unknown>[] {
  const sessions = readFileSync(OTTO_FIXTURE, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .slice(0, limit)
    .map((l) => JSON.parse(l) as { session: number; events: { aid: number; ts: number; type: string }[] });
  return sessions.flatMap((s) =>
    s.events.map((e, i) => ({
      specversion: "1.0",
      id: `otto-${s.session}-${i}`,
      source: "/otto/shop",
      type: `otto.${e.type}`,
      subject: `otto/${s.session}`,
      time: new Date(e.ts).toISOString(),
      userid: `otto-${s.session}`,
      data: { aid: e.aid },
    })),
  );
}

async function load(store: Store) {
  const world = simulateWorld({ users: 6, days: 3, seed: "integrity", start: new Date("2026-03-01T00:00:00Z") }).map((w) => w.event);
  for (const batch of [variety(), otto(30), world]) {
    const summary = await importRecords(store, records(batch));
    expect(summary.refusedCount).toBe(0);
  }
}

const exec = (store: Store, sql: string) => store.db.$executeRawUnsafe(sql);

/** What someone with the database's own rights can do: lift the guard against updates first. */
const dropUpdateGuard = (t: TestStore) => liftUpdateGuard(t.store);

/** Someone edits a field inside an event's data, with the database's own JSON functions. */
const EDIT_EMAIL: Record<Provider, (position: number) => string> = {
  sqlite: (position) => `UPDATE "events" SET "data_json" = json_set("data_json", '$.contact.email', 'someone@else.test') WHERE "position" = ${position}`,
  postgresql: (position) => `UPDATE "events" SET "data_json" = jsonb_set("data_json", '{contact,email}', '"someone@else.test"') WHERE "position" = ${position}`,
};

describe.each(testProviders())("the tamper-evidence chain on %s", (provider) => {
  let t: TestStore | undefined;
  afterEach(async () => {
    await t?.dispose();
    t = undefined;
  });

  it("verifies a store as appended: every event's content and link, and the digest taken at its head", async () => {
    t = await createTestStore(provider);
    await load(t.store);
    const total = await t.store.db.storedEvent.count();
    const digest = (await currentDigest(t.store))!;
    expect(digest.position).toBe(Number((await t.store.db.storedEvent.aggregate({ _max: { position: true } }))._max.position));
    const progress: number[] = [];
    const v = await verifyStore(t.store, { digest, onProgress: (p) => progress.push(p.checked) });
    expect({ problems: v.problems, checked: v.checked, unchained: v.unchained, matched: v.digestMatched }).toEqual({
      problems: [],
      checked: total,
      unchained: 0,
      matched: true,
    });
    expect(progress.at(-1)).toBe(total);
    expect(total).toBeGreaterThan(1_000);
    expect(progress.length).toBeGreaterThan(1);
  });

  it("names a changed event, a removed one, and a rewritten or shortened chain against a kept digest", async () => {
    t = await createTestStore(provider);
    await load(t.store);
    const digest = (await currentDigest(t.store))!;
    const [a, b] = (
      await t.store.db.storedEvent.findMany({ where: { type: "booking.travellers.added" }, orderBy: { position: "asc" }, take: 2, select: { position: true } })
    ).map((r) => Number(r.position));

    // Someone edits an event's data in the database.
    await dropUpdateGuard(t);
    await exec(t.store, EDIT_EMAIL[provider](a!));
    expect((await verifyStore(t.store)).problems).toEqual([{ kind: "content", position: a }]);

    // Someone removes an event: the chain breaks at the next one.
    await exec(t.store, `DELETE FROM "events" WHERE "position" = ${b}`);
    const next = Number((await t.store.db.storedEvent.findFirst({ where: { position: { gt: b } }, orderBy: { position: "asc" } }))!.position);
    expect((await verifyStore(t.store)).problems).toEqual([
      { kind: "content", position: a },
      { kind: "chain", position: next },
    ]);

    // Someone who knows how the chain is made rewrites every link after the removal: the chain
    // holds again, but the head no longer matches the digest an auditor kept.
    let previous = (await t.store.db.storedEvent.findFirst({ where: { position: { lt: b } }, orderBy: { position: "desc" } }))!.chainHash;
    for (const row of await t.store.db.storedEvent.findMany({ where: { position: { gt: b } }, orderBy: { position: "asc" } })) {
      previous = chainLink(previous, row);
      await exec(t.store, `UPDATE "events" SET "chain_hash" = '${previous}' WHERE "position" = ${row.position}`);
    }
    expect((await verifyStore(t.store)).problems).toEqual([{ kind: "content", position: a }]);
    const rewritten = await verifyStore(t.store, { digest });
    expect(rewritten.digestMatched).toBe(false);
    expect(rewritten.problems.at(-1)).toMatchObject({ kind: "digest", position: digest.position, expected: digest.link });
    expect((rewritten.problems.at(-1) as { found: string | null }).found).not.toBeNull();

    // A made-up digest naming an event the store holds: one problem, not a second "not held" one.
    const fake = { position: digest.position - 10, link: "A".repeat(43) };
    const faked = await verifyStore(t.store, { digest: fake });
    expect(faked.problems.filter((p) => p.kind === "digest")).toEqual([
      { kind: "digest", position: fake.position, expected: fake.link, found: expect.any(String) },
    ]);

    // Someone removes the newest events: the kept digest names an event that is gone.
    await exec(t.store, `DELETE FROM "events" WHERE "position" > ${digest.position - 3}`);
    const shortened = await verifyStore(t.store, { digest });
    expect(shortened.problems.at(-1)).toEqual({ kind: "digest", position: digest.position, expected: digest.link, found: null });
  });

  it("counts events appended before the chain began, starts the chain after them, and refuses an unlinked event after it began", async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(variety()));
    // As on a store migrated from before the chain: no links yet.
    await dropUpdateGuard(t);
    await exec(t.store, `UPDATE "events" SET "chain_hash" = NULL`);
    await importRecords(t.store, records(otto(5)));
    const v = await verifyStore(t.store);
    expect({ problems: v.problems, unchained: v.unchained }).toEqual({ problems: [], unchained: variety().length });

    // A row written straight into the table, not through Rewind: it has no link. (On PostgreSQL
    // whoever holds the database's rights makes its month's partition first: there is no DEFAULT one.)
    await makeEventPartition(t.store, new Date("2026-03-02T00:00:00.000Z"));
    await exec(
      t.store,
      `INSERT INTO "events" ("source","event_id","stream","stream_version","type","specversion","occurred_at","recorded_at","content_hash")
      VALUES ('/forged','f-1','forged',1,'forged.event','1.0','2026-03-02T00:00:00.000Z','2026-03-02T00:00:00.000Z','x')`,
    );
    const forged = Number((await t.store.db.storedEvent.findFirst({ where: { source: "/forged" } }))!.position);
    // Appends after it continue the chain past it, so only the forged row is named.
    await importRecords(t.store, records(otto(8).slice(-20)));
    expect((await verifyStore(t.store)).problems).toEqual([
      { kind: "content", position: forged },
      { kind: "unchained", position: forged },
    ]);
  });

  it("checks one event on its own: an edit whose own link was recomputed still shows in the next event's link", async () => {
    t = await createTestStore(provider);
    await importRecords(t.store, records(otto(3)));
    const rows = await t.store.db.storedEvent.findMany({ orderBy: { position: "asc" } });
    const middle = rows[Math.floor(rows.length / 2)]!;
    expect([...(await checkEvents(t.store, [middle])).values()]).toEqual([{ content: true, linked: true }]);

    // Edit the data, recompute the content hash and the row's own link from the row before it.
    await dropUpdateGuard(t);
    const edited = { ...middle, dataJson: { aid: 1 } };
    const incoming = validateStructuredEvent(
      {
        specversion: "1.0",
        id: middle.eventId,
        source: middle.source,
        type: middle.type,
        subject: middle.subject,
        time: middle.time!.toISOString(),
        userid: middle.userid,
        data: { aid: 1 },
      },
      0,
    );
    if (!incoming.ok) throw new Error("the edited event does not validate");
    const hash = contentHash(incoming.event);
    const before = rows[rows.indexOf(middle) - 1]!;
    const link = chainLink(before.chainHash, { ...edited, contentHash: hash });
    await exec(
      t.store,
      `UPDATE "events" SET "data_json" = '{"aid":1}', "content_hash" = '${hash}', "chain_hash" = '${link}' WHERE "position" = ${middle.position}`,
    );
    const row = (await t.store.db.storedEvent.findUnique({ where: { position: middle.position } }))!;
    expect([...(await checkEvents(t.store, [row])).values()]).toEqual([{ content: true, linked: false }]);
  });
});
