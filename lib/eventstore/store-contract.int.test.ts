import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { appendEvents } from "./append";
import { DuplicateIdConflictError, WrongExpectedVersionError } from "./errors";
import { readEventTypes, readFeed, readHeadPosition, readStream, type FeedFilter } from "./read";

// The store's contract, after the public event-store suites (KurrentDB, RailsEventStore, Emmett).
describe.each(testProviders())("event store contract on %s", (provider) => {
  let t: TestStore;
  let n = 0;
  /** A stream name of its own for each test, so tests share one database without interfering. */
  const freshStream = () => `contract/s-${++n}`;

  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  async function countAll(): Promise<number> {
    let count = 0;
    for (let after = 0; ; ) {
      const page = await readFeed(t.store, { after, limit: 1000 });
      if (page.length === 0) return count;
      count += page.length;
      after = Number(page[page.length - 1]!.position);
    }
  }

  it("lists every event type once, alphabetically, however many events have it", async () => {
    const stream = freshStream();
    const types = ["zeta.last", "contract.b", "contract.a", "contract.b", "Contract.Upper", "contract.a"];
    await appendEvents(
      t.store,
      types.map((type, i) => anEvent({ id: `${stream}-type-${i}`, subject: stream, type })),
    );
    const listed = await readEventTypes(t.store);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual([...listed].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const type of new Set(types)) expect(listed).toContain(type);
  });

  it("an empty append is a no-op", async () => {
    const before = await readHeadPosition(t.store);
    expect(await appendEvents(t.store, [])).toEqual([]);
    expect(await readHeadPosition(t.store)).toBe(before);
  });

  it("appends atomically and reads the stream forward in version order", async () => {
    const stream = freshStream();
    const results = await appendEvents(
      t.store,
      [1, 2, 3].map((i) => anEvent({ id: `${stream}-${i}`, subject: stream, data: { kind: "json", value: { i } } })),
    );
    expect(results.map((r) => r.streamVersion)).toEqual([1, 2, 3]);
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(results[1]!.position).toBeGreaterThan(results[0]!.position);
    const read = await readStream(t.store, stream);
    expect(read.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect(read.map((e) => (e.dataJson as { i: number }).i)).toEqual([1, 2, 3]);
  });

  it("an event without subject belongs to the stream named after its source", async () => {
    const [r] = await appendEvents(t.store, [anEvent({ id: "no-subject-1", subject: null, source: "svc/payments" })]);
    const read = await readStream(t.store, "svc/payments");
    expect(read.map((e) => Number(e.position))).toContain(r!.position);
    expect(read[0]!.subject).toBeNull();
  });

  it("expected version: 0 means no stream yet, then exact versions pass", async () => {
    const stream = freshStream();
    await appendEvents(t.store, [anEvent({ id: `${stream}-a`, subject: stream, expectedVersion: 0 })]);
    const [r] = await appendEvents(t.store, [anEvent({ id: `${stream}-b`, subject: stream, expectedVersion: 1 })]);
    expect(r!.streamVersion).toBe(2);
  });

  it("expected version counts earlier events of the same request", async () => {
    const stream = freshStream();
    const results = await appendEvents(t.store, [
      anEvent({ id: `${stream}-a`, subject: stream, expectedVersion: 0 }),
      anEvent({ id: `${stream}-b`, subject: stream, expectedVersion: 1 }),
    ]);
    expect(results.map((r) => r.streamVersion)).toEqual([1, 2]);
  });

  it("a mismatch refuses the whole append, names the current version and writes nothing", async () => {
    const stream = freshStream();
    await appendEvents(t.store, [anEvent({ id: `${stream}-a`, subject: stream })]);
    const before = await countAll();
    const attempt = appendEvents(t.store, [
      anEvent({ id: `${stream}-ok`, subject: freshStream() }),
      anEvent({ id: `${stream}-b`, subject: stream, expectedVersion: 0 }),
    ]);
    await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(attempt).rejects.toMatchObject({ index: 1, currentVersion: 1, expectedVersion: 0 });
    expect(await countAll()).toBe(before);
  });

  it("re-appending the same event is idempotent and answers the stored position", async () => {
    const stream = freshStream();
    const event = anEvent({ id: `${stream}-a`, subject: stream, data: { kind: "json", value: { a: 1, b: [1, 2] } } });
    const [first] = await appendEvents(t.store, [event]);
    const before = await countAll();
    // Same content, keys in another order, expectedversion stale: still a duplicate.
    const again = anEvent({ ...event, data: { kind: "json", value: { b: [1, 2], a: 1 } }, expectedVersion: 0 });
    const [second] = await appendEvents(t.store, [again]);
    expect(second).toEqual({ position: first!.position, streamVersion: 1, duplicate: true });
    expect(await countAll()).toBe(before);
  });

  it("the same time written in another offset is the same instant, so the same event", async () => {
    const stream = freshStream();
    const event = anEvent({ id: `${stream}-t`, subject: stream, time: new Date("2026-06-01T12:00:00+02:00") });
    await appendEvents(t.store, [event]);
    const [again] = await appendEvents(t.store, [{ ...event, time: new Date("2026-06-01T10:00:00Z") }]);
    expect(again!.duplicate).toBe(true);
  });

  it("the same source and id with other content is a conflict that writes nothing", async () => {
    const stream = freshStream();
    await appendEvents(t.store, [anEvent({ id: `${stream}-a`, subject: stream })]);
    const before = await countAll();
    const attempt = appendEvents(t.store, [
      anEvent({ id: `${stream}-new`, subject: stream }),
      anEvent({ id: `${stream}-a`, subject: stream, data: { kind: "json", value: { changed: true } } }),
    ]);
    await expect(attempt).rejects.toBeInstanceOf(DuplicateIdConflictError);
    await expect(attempt).rejects.toMatchObject({ index: 1 });
    expect(await countAll()).toBe(before);
  });

  it("a batch that partly overlaps stored events writes only the new ones, in order", async () => {
    const stream = freshStream();
    const a = anEvent({ id: `${stream}-a`, subject: stream });
    const b = anEvent({ id: `${stream}-b`, subject: stream });
    const c = anEvent({ id: `${stream}-c`, subject: stream });
    const [ra] = await appendEvents(t.store, [a]);
    const results = await appendEvents(t.store, [a, b, c, b]);
    expect(results.map((r) => [r.streamVersion, r.duplicate])).toEqual([
      [1, true],
      [2, false],
      [3, false],
      [2, true],
    ]);
    expect(results[0]!.position).toBe(ra!.position);
    expect(results[3]!.position).toBe(results[1]!.position);
    expect((await readStream(t.store, stream)).map((e) => e.eventId)).toEqual([a.id, b.id, c.id]);
  });

  it("appends a full batch spread over thousands of streams", async () => {
    const prefix = freshStream();
    const events = Array.from({ length: 2_500 }, (_, i) => anEvent({ id: `${prefix}-${i}`, subject: `${prefix}/${i}` }));
    const results = await appendEvents(t.store, events);
    expect(results.every((r) => r.streamVersion === 1 && !r.duplicate)).toBe(true);
    expect(new Set(results.map((r) => r.position)).size).toBe(2_500);
    const again = await appendEvents(t.store, events);
    expect(again.every((r) => r.duplicate)).toBe(true);
  });

  it("keeps text and base64 data and other extensions as sent", async () => {
    const stream = freshStream();
    await appendEvents(t.store, [
      anEvent({ id: `${stream}-text`, subject: stream, datacontenttype: "text/plain", data: { kind: "text", value: "Hello, 🌎!" } }),
      anEvent({ id: `${stream}-bin`, subject: stream, datacontenttype: "application/octet-stream", data: { kind: "base64", value: "AAEC" } }),
      anEvent({ id: `${stream}-ext`, subject: stream, extensions: { comexampleextension1: "value", count: 3, flag: true } }),
    ]);
    const [text, bin, ext] = await readStream(t.store, stream);
    expect(text!.dataText).toBe("Hello, 🌎!");
    expect(bin!.dataBase64).toBe("AAEC");
    expect(ext!.extensions).toEqual({ comexampleextension1: "value", count: 3, flag: true });
  });

  it("the global feed is in append order and pages with an exclusive `after`", async () => {
    const stream = freshStream();
    await appendEvents(
      t.store,
      Array.from({ length: 7 }, (_, i) => anEvent({ id: `${stream}-${i}`, subject: stream })),
    );
    const readAll = async (pageSize: number, from: number) => {
      const out: number[] = [];
      for (let after = from; ; ) {
        const page = await readFeed(t.store, { after, limit: pageSize });
        if (page.length === 0) return out;
        expect(page.length).toBeLessThanOrEqual(pageSize);
        out.push(...page.map((e) => Number(e.position)));
        after = out[out.length - 1]!;
      }
    };
    const positions = await readAll(1000, 0);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
    expect(new Set(positions).size).toBe(positions.length);
    const tailFrom = positions[positions.length - 20]!;
    expect(await readAll(3, tailFrom)).toEqual(positions.filter((p) => p > tailFrom));
  });

  it("filters the feed by type, user, stream and event-time range", async () => {
    const stream = freshStream();
    const at = (iso: string) => new Date(iso);
    await appendEvents(t.store, [
      anEvent({ id: `${stream}-1`, subject: stream, type: "range.a", userid: "u-range", time: at("2026-03-01T09:59:59.999Z") }),
      anEvent({ id: `${stream}-2`, subject: stream, type: "range.a", userid: "u-range", time: at("2026-03-01T10:00:00Z") }),
      anEvent({ id: `${stream}-3`, subject: stream, type: "range.b", userid: "u-other", time: at("2026-03-01T11:00:00Z") }),
      anEvent({ id: `${stream}-4`, subject: stream, type: "range.a", userid: "u-range", time: at("2026-03-01T12:00:00Z") }),
    ]);
    const ids = async (filter: FeedFilter) => (await readFeed(t.store, { after: 0, limit: 1000, filter })).map((e) => e.eventId);
    expect(await ids({ stream, from: at("2026-03-01T10:00:00Z"), to: at("2026-03-01T12:00:00Z") })).toEqual([`${stream}-2`, `${stream}-3`]);
    expect(await ids({ stream, type: "range.a", userid: "u-range" })).toEqual([`${stream}-1`, `${stream}-2`, `${stream}-4`]);
    // A list of types (an explorer pattern resolved): any of them; an empty list matches nothing.
    expect(await ids({ stream, type: ["range.b", "range.x"] })).toEqual([`${stream}-3`]);
    expect(await ids({ stream, type: [] })).toEqual([]);
    const [first] = await readStream(t.store, stream);
    expect(first!.time!.toISOString()).toBe("2026-03-01T09:59:59.999Z");
    expect(first!.occurredAt.toISOString()).toBe("2026-03-01T09:59:59.999Z");
  });

  it("concurrent writers to one stream keep versions unique and gapless and lose nothing", async () => {
    const stream = freshStream();
    const writers = Array.from({ length: 12 }, (_, w) =>
      appendEvents(
        t.store,
        [0, 1, 2].map((i) => anEvent({ id: `${stream}-w${w}-${i}`, subject: stream })),
      ),
    );
    await Promise.all(writers);
    const read = await readStream(t.store, stream);
    expect(read).toHaveLength(36);
    expect(read.map((e) => e.streamVersion)).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
    // Each writer's events stay together and in order: a request is atomic.
    for (let w = 0; w < 12; w++) {
      const versions = read.filter((e) => e.eventId.startsWith(`${stream}-w${w}-`)).map((e) => e.streamVersion);
      expect(versions[1]! - versions[0]!).toBe(1);
      expect(versions[2]! - versions[1]!).toBe(1);
    }
  });

  it("refuses to update a stored event, at the database itself", async () => {
    const stream = freshStream();
    await appendEvents(t.store, [anEvent({ id: `${stream}-a`, subject: stream })]);
    await expect(t.store.db.$executeRawUnsafe(`UPDATE "events" SET "type" = 'tampered' WHERE "stream" = '${stream}'`)).rejects.toThrow(/append-only/);
  });
});
