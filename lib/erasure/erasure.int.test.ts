import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "../access/viewer";
import { readCounters } from "../analytics/read-analytics";
import { toAuditEvent } from "../audit/audit-event";
import { liftUpdateGuard, restoreUpdateGuard } from "../db/update-guard";
import { appendEvents } from "../eventstore/append";
import { importRecords } from "../importer/import-events";
import { verifyStore } from "../integrity/verify-store";
import { createNote } from "../notes/notes-store";
import { purgeRetention } from "../retention/purge";
import { saveRetentionPolicy } from "../retention/policy-store";
import { verifyArchive } from "../retention/verify-archive";
import { catchUp, rebuildProjections } from "../sessions/projector";
import { simulateWorld } from "../simulate/world";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { eraseCustomer } from "./erase-customer";
import { ERASED } from "./personal-values";

const START = new Date("2026-06-01T00:00:00Z");
const NOW = () => Date.parse("2026-06-20T00:00:00Z");
const admin: Viewer = { kind: "user", id: "adm-1", email: "admin@rewind.test", name: "Admin", role: "admin", signIn: "s" };

async function* records(events: Record<string, unknown>[]) {
  for (const [i, value] of events.entries()) yield { line: i + 1, value };
}

/** Where a value stands on its own (not inside a longer word), case aside: how the raw files are searched. */
const standsIn = (haystack: string, value: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "iu").test(haystack);

function pgDump(url: string): string {
  const bin = ["pg_dump", ...(existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin/pg_dump`) : [])];
  for (const b of bin.reverse()) {
    try {
      return execFileSync(b, ["--no-owner", url], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  throw new Error("pg_dump not found");
}

/** Everything the database holds, as its files (SQLite, WAL included) or a dump (PostgreSQL), and the archives. */
function rawStore(t: TestStore, archiveDir: string): string {
  const files =
    t.target.provider === "sqlite"
      ? [t.target.filePath!, `${t.target.filePath}-wal`].filter(existsSync).map((f) => readFileSync(f).toString("utf8"))
      : [pgDump(t.target.url)];
  const archives = readdirSync(archiveDir)
    .filter((f) => f.endsWith(".gz"))
    .map((f) => gunzipSync(readFileSync(join(archiveDir, f))).toString("utf8"));
  return [...files, ...archives].join("\n");
}

/** The figures as the analytics pages read them: every counter kind of every journey. */
async function figures(t: TestStore) {
  const rows = await t.store.db.analyticsDaily.findMany({ select: { journey: true, kind: true }, distinct: ["journey", "kind"] });
  const out: Record<string, unknown> = {};
  for (const r of rows) out[`${r.journey}/${r.kind}`] = await readCounters(t.store, r.journey, "2026-01-01", "2026-12-31", [r.kind]);
  return out;
}

const sessionShapes = async (t: TestStore) =>
  (await t.store.db.session.findMany({ orderBy: { id: "asc" } })).map((s) => [
    s.id,
    s.journey,
    s.outcome,
    s.eventCount,
    s.funnelDepth,
    s.dropReason,
    s.analyticsDay,
  ]);

describe.each(testProviders())("erasing a customer on %s", (provider) => {
  let t: TestStore;
  let archiveDir: string;
  let jane: { id: string; name: string; email: string; phone: string };
  let values: string[];
  let beforeFigures: Record<string, unknown>;
  let beforeSessions: unknown[];
  let janeSessions: string[];
  let otherEvents: number;
  let result: Awaited<ReturnType<typeof eraseCustomer>>;

  beforeAll(async () => {
    t = await createTestStore(provider);
    archiveDir = mkdtempSync(join(tmpdir(), "rewind-erasure-archive-"));
    const world = simulateWorld({ users: 12, days: 4, seed: "erasure", start: START }).map((w) => w.event);
    await importRecords(t.store, records(world));
    const registered = world.filter((e) => e.type === "identity.user.registered");
    const data = registered[0]!.data as { name: string; email: string; phone: string };
    jane = { id: (registered[0]!.subject as string).replace("user/", ""), ...data };
    values = [jane.id, jane.name, jane.email, jane.phone];
    const vera = (registered[1]!.subject as string).replace("user/", "");
    // Someone else's booking that lists her (her email in another's traveller list).
    await appendEvents(t.store, [
      anEvent({
        id: "vera-party",
        type: "booking.travellers.added",
        source: "https://booking.example",
        subject: `booking/vera-party`,
        userid: vera,
        time: new Date("2026-06-04T10:00:00Z"),
        data: { kind: "json", value: { travellers: [{ name: "Vera Friend" }, { name: jane.name, email: jane.email }], note: "hanna.other@example.com" } },
      }),
    ]);
    // And a session of hers without a producer's session id: its id is derived from her user id.
    await appendEvents(
      t.store,
      [0, 60].map((second) =>
        anEvent({
          id: `jane-late-${second}`,
          type: "search.destinations.searched",
          source: "https://search.example",
          subject: `search/jane-late-${second}`,
          userid: jane.id,
          time: new Date(Date.UTC(2026, 5, 8, 9, 0, second)),
          data: { kind: "json", value: { destination: "Porto" } },
        }),
      ),
    );
    await catchUp(t.store, { now: NOW });
    expect(await t.store.db.session.count({ where: { userId: jane.id, producerSessionId: null } })).toBe(1);
    const session = await t.store.db.session.findFirstOrThrow({ where: { userId: jane.id }, orderBy: { startedAt: "asc" } });
    await createNote(t.store, {
      sessionId: session.id,
      userId: jane.id,
      seq: 1,
      position: Number(session.firstPosition),
      text: `${jane.name} called; confirm to ${jane.email}`,
      authorId: "a",
      authorLabel: "agent@x",
    });
    await appendEvents(t.store, [toAuditEvent(admin, { action: "customer.viewed", customer: jane.id, target: "/users/x" }, new Date("2026-06-10T00:00:00Z"))]);
    // Registrations purged into an archive: hers is in it, with her name, email and phone.
    await saveRetentionPolicy(t.store, { rules: [{ types: ["identity.user.registered"], keepDays: 1 }], defaultKeepDays: null }, "test");
    const purge = await purgeRetention(t.store, { now: new Date(Date.now() + 3 * 86_400_000), dir: archiveDir });
    expect(purge.count).toBe(registered.length);
    beforeFigures = await figures(t);
    beforeSessions = await sessionShapes(t);
    janeSessions = (await t.store.db.session.findMany({ where: { userId: jane.id }, select: { id: true } })).map((s) => s.id);
    otherEvents = await t.store.db.storedEvent.count();
    const raw = rawStore(t, archiveDir);
    // The search can fail: before the erasure every value is there.
    for (const v of values) expect(standsIn(raw, v), v).toBe(true);
    result = await eraseCustomer(t.store, admin, jane.id, `ticket 4711 from ${jane.email}`, { archiveDir, now: new Date(NOW()) });
  }, 120_000);
  afterAll(async () => {
    await t?.dispose();
    rmSync(archiveDir, { recursive: true, force: true });
  });

  it("leaves none of her values anywhere in the database files or the archives", () => {
    const raw = rawStore(t, archiveDir);
    for (const v of values) expect(standsIn(raw, v), `${v} is still stored`).toBe(false);
    expect(raw).toContain(ERASED);
    // Another's value that only contains hers as a piece is not touched.
    expect(raw).toContain("hanna.other@example.com");
    expect(result.compacted).toBe(true);
  });

  it("verify passes and names the erasure; the archive verifies with its erased lines", async () => {
    const v = await verifyStore(t.store);
    expect(v.problems).toEqual([]);
    expect(v.erased).toBe(result.events);
    expect(v.erasures).toEqual([{ record: result.record, events: result.events, afterDigest: false }]);
    const archives = readdirSync(archiveDir).filter((f) => f.endsWith(".ndjson.gz"));
    const checked = await verifyArchive(t.store, join(archiveDir, archives[0]!));
    expect(checked.problems).toEqual([]);
    expect(checked.erased).toBe(1);
  });

  it("still catches any other change, an erased event's included", async () => {
    const erased = await t.store.db.storedEvent.findFirstOrThrow({
      where: { userid: `erased:${result.reference}`, NOT: { source: { startsWith: "rewind/" } } },
    });
    await liftUpdateGuard(t.store);
    try {
      await t.store.db.storedEvent.update({ where: { position: erased.position }, data: { sessionid: "tampered" } });
      const v = await verifyStore(t.store);
      expect(v.problems).toContainEqual({ kind: "content", position: Number(erased.position) });
      expect(v.problems.every((p) => p.position === Number(erased.position))).toBe(true);
      expect(v.erased).toBe(result.events - 1);
      await t.store.db.storedEvent.update({ where: { position: erased.position }, data: { sessionid: erased.sessionid } });
      // Its time moved (its content untouched): the link its record vouches for no longer recomputes.
      await t.store.db.storedEvent.update({ where: { position: erased.position }, data: { recordedAt: new Date(erased.recordedAt.getTime() + 86_400_000) } });
      expect((await verifyStore(t.store)).problems).toEqual([{ kind: "chain", position: Number(erased.position) }]);
      await t.store.db.storedEvent.update({ where: { position: erased.position }, data: { recordedAt: erased.recordedAt } });
    } finally {
      await restoreUpdateGuard(t.store);
    }
    expect((await verifyStore(t.store)).problemCount).toBe(0);
  });

  it("keeps every event, session and figure; her sessions replay under her reference with the values erased", async () => {
    expect(await t.store.db.storedEvent.count()).toBe(otherEvents + 2); // the erasure record and its audit event
    expect(await figures(t)).toEqual(beforeFigures);
    expect(await sessionShapes(t)).toEqual(beforeSessions);
    const ref = await t.store.db.userReference.findFirstOrThrow({ where: { reference: result.reference } });
    expect(ref.userId).toBe(`erased:${result.reference}`);
    const held = await t.store.db.session.findMany({ where: { id: { in: janeSessions } } });
    expect(held.every((s) => s.userId === ref.userId)).toBe(true);
    const booked = await t.store.db.storedEvent.findMany({ where: { userid: ref.userId, type: "booking.travellers.added" } });
    expect(booked.length).toBeGreaterThan(0);
    for (const e of booked) expect(JSON.stringify(e.dataJson)).toContain(ERASED);
    const note = await t.store.db.note.findFirstOrThrow({ where: { sessionId: janeSessions[0] } });
    expect(note.text).toBe(`${ERASED} called; confirm to ${ERASED}`);
    const vera = await t.store.db.storedEvent.findFirstOrThrow({ where: { eventId: "vera-party" } });
    expect(vera.dataJson).toEqual({ travellers: [{ name: "Vera Friend" }, { name: ERASED, email: ERASED }], note: "hanna.other@example.com" });
  });

  it("the audit trail keeps that she was viewed, under her pseudonym; the erasure is on record without her data", async () => {
    const viewed = await t.store.db.storedEvent.findFirstOrThrow({ where: { type: "rewind.audit.customer.viewed" } });
    expect(viewed.userid).toBe(`erased:${result.reference}`);
    const record = await t.store.db.storedEvent.findFirstOrThrow({ where: { position: BigInt(result.record) } });
    const text = JSON.stringify({ ...record, position: null });
    for (const v of values) expect(standsIn(text, v)).toBe(false);
    expect((record.dataJson as { reason: string }).reason).toBe(`ticket 4711 from ${ERASED}`);
  });

  it("a second customer is erased too, their streams kept apart, and verify names both erasures", async () => {
    const other = await t.store.db.userReference.findFirstOrThrow({ where: { NOT: { userId: { startsWith: "erased:" } } }, orderBy: { userId: "asc" } });
    const second = await eraseCustomer(t.store, admin, other.userId, "ticket 4712", { archiveDir, now: new Date(NOW()) });
    expect(second.events).toBeGreaterThan(0);
    const v = await verifyStore(t.store);
    expect(v.problems).toEqual([]);
    expect(v.erasures.map((e) => e.record)).toEqual([result.record, second.record]);
    expect(await figures(t)).toEqual(beforeFigures);
    expect(await sessionShapes(t)).toEqual(beforeSessions);
  });

  it("a rebuild keeps her sessions' ids and every figure", async () => {
    expect(await catchUp(t.store, { now: NOW })).toBeGreaterThanOrEqual(0);
    await rebuildProjections(t.store, { now: NOW, pageSize: 150 });
    expect(await sessionShapes(t)).toEqual(beforeSessions);
    expect(await figures(t)).toEqual(beforeFigures);
  });
});
