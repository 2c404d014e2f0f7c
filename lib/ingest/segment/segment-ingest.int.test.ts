import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendEvents } from "../../eventstore/append";
import { DuplicateIdConflictError } from "../../eventstore/errors";
import { readFeed } from "../../eventstore/read";
import { toCloudEventJson } from "../../eventstore/to-cloud-event";
import { catchUp } from "../../sessions/projector";
import { listUserSessions, readSessionPositions } from "../../sessions/read-sessions";
import { createTestStore, testProviders, type TestStore } from "../../testing/test-stores";
import { eventShapeLimits, ingestLimits } from "../limits";
import { segmentBodyToEvents } from "./segment-request";

const LIMITS = { ...ingestLimits({}), ...eventShapeLimits({}) };
const mapped = (batch: Record<string, unknown>[], extra: Record<string, unknown> = {}) =>
  segmentBodyToEvents({ batch, writeKey: "k", sentAt: new Date().toISOString(), ...extra }, "batch", "shop-backend", LIMITS).events;

const message = (id: string, overrides: Record<string, unknown> = {}) => ({
  type: "track",
  event: "Product Viewed",
  anonymousId: "visitor-1",
  messageId: id,
  timestamp: "2026-06-01T10:00:00.000Z",
  properties: { productId: "P-1" },
  context: { library: { name: "@segment/analytics-node", version: "3.1.0" } },
  ...overrides,
});

describe.each(testProviders())("Segment messages in the store (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(() => t.dispose());

  it("appends the mapped events and reads them back as CloudEvents", async () => {
    const results = await appendEvents(t.store, mapped([message("seg-1"), message("seg-2", { type: "identify", userId: "u-1", traits: { plan: "gold" } })]));
    expect(results.map((r) => r.duplicate)).toEqual([false, false]);
    const feed = (await readFeed(t.store, { after: 0, limit: 10 })).map(toCloudEventJson);
    expect(feed.find((e) => e.id === "seg-1")).toMatchObject({
      source: "shop-backend",
      type: "Product Viewed",
      subject: "segment/visitor-1",
      anonymousid: "visitor-1",
      time: "2026-06-01T10:00:00.000Z",
      data: { productId: "P-1" },
      segmentcontext: '{"library":{"name":"@segment/analytics-node","version":"3.1.0"}}',
    });
    expect(feed.find((e) => e.id === "seg-2")).toMatchObject({ type: "identify", userid: "u-1", data: { plan: "gold" } });
  });

  it("answers a retried message (new sentAt, context keys in another order) as a duplicate, writing nothing", async () => {
    const before = (await readFeed(t.store, { after: 0, limit: 100 })).length;
    const retry = message("seg-1", { context: { library: { version: "3.1.0", name: "@segment/analytics-node" } }, sentAt: "2026-06-01T11:00:00Z" });
    const results = await appendEvents(t.store, mapped([retry], { sentAt: "2026-06-01T11:00:00Z" }));
    expect(results[0]!.duplicate).toBe(true);
    expect((await readFeed(t.store, { after: 0, limit: 100 })).length).toBe(before);
  });

  it("refuses the same messageId with different content as a conflict, and the whole batch with it", async () => {
    const before = (await readFeed(t.store, { after: 0, limit: 100 })).length;
    const batch = mapped([message("seg-3"), message("seg-1", { properties: { productId: "P-2" } })]);
    const error = await appendEvents(t.store, batch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DuplicateIdConflictError);
    expect(error).toMatchObject({ index: 1, id: "seg-1", source: "shop-backend" });
    expect((await readFeed(t.store, { after: 0, limit: 100 })).length).toBe(before);
  });

  it("joins a visitor's events to the user's sessions once an alias links previousId to userId", async () => {
    await appendEvents(
      t.store,
      mapped([
        message("al-1", { anonymousId: "visitor-9", timestamp: "2026-06-02T10:00:00Z" }),
        message("al-2", { anonymousId: "visitor-9", event: "Product Added", timestamp: "2026-06-02T10:01:00Z" }),
        { type: "alias", previousId: "visitor-9", userId: "user-9", messageId: "al-3", timestamp: "2026-06-02T10:02:00Z" },
        message("al-4", { anonymousId: undefined, userId: "user-9", event: "Order Completed", timestamp: "2026-06-02T10:03:00Z" }),
      ]),
    );
    await catchUp(t.store, { now: () => Date.parse("2026-06-03T00:00:00Z") });
    const sessions = await listUserSessions(t.store, "user-9");
    const positions = (await Promise.all(sessions.map((s) => readSessionPositions(t.store, s.id, 0, 100)))).flat().map((p) => p.position);
    const stored = (await readFeed(t.store, { after: 0, limit: 100 })).filter((e) => e.eventId.startsWith("al-"));
    expect(positions.sort((a, b) => a - b)).toEqual(stored.map((e) => Number(e.position)));
  });
});
