import { describe, expect, it } from "vitest";
import { contentHash } from "../../eventstore/canonical";
import { ApiError } from "../../http/errors";
import { eventShapeLimits, ingestLimits } from "../limits";
import { segmentBodyToEvents, type SegmentEndpoint } from "./segment-request";

const LIMITS = { ...ingestLimits({}), ...eventShapeLimits({}) };
const map = (body: unknown, endpoint: SegmentEndpoint = "batch", source = "segment") => segmentBodyToEvents(body, endpoint, source, LIMITS).events;
const one = (message: Record<string, unknown>, source = "segment") => map({ batch: [message] }, "batch", source)[0]!;

/** A track message as @segment/analytics-node 3.1.0 sends it (its batch adds writeKey and sentAt). */
const track = {
  type: "track",
  event: "Order Completed",
  userId: "u-42",
  anonymousId: "a-7",
  properties: { orderId: "O-1", total: 42.5 },
  messageId: "node-next-1764640000000-5b1e",
  timestamp: "2026-06-01T10:00:00.000Z",
  context: { library: { name: "@segment/analytics-node", version: "3.1.0" }, ip: "203.0.113.9" },
  integrations: {},
  _metadata: { nodeVersion: "20.20.2", jsRuntime: "node" },
};

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("Segment messages as CloudEvents: every field", () => {
  it("maps a track message: messageId, source, subject, event as the type, ids, time, properties, context", () => {
    const event = one(track, "shop-backend");
    expect(event).toMatchObject({
      specversion: "1.0",
      id: "node-next-1764640000000-5b1e",
      source: "shop-backend",
      type: "Order Completed",
      subject: "segment/u-42",
      userid: "u-42",
      anonymousid: "a-7",
      sessionid: null,
      data: { kind: "json", value: { orderId: "O-1", total: 42.5 } },
      expectedVersion: null,
    });
    expect(event.time?.toISOString()).toBe("2026-06-01T10:00:00.000Z");
    // The context as JSON text, keys sorted: the same context in another order is the same event.
    expect(event.extensions).toEqual({ segmentcontext: '{"ip":"203.0.113.9","library":{"name":"@segment/analytics-node","version":"3.1.0"}}' });
  });

  it("takes the anonymous id for the subject when there is no user id, and originalTimestamp when there is no timestamp", () => {
    const event = one({ type: "track", event: "Product Viewed", anonymousId: "a-7", messageId: "m-1", originalTimestamp: "2026-06-01T09:00:00Z" });
    expect(event).toMatchObject({ subject: "segment/a-7", userid: null, anonymousid: "a-7", data: null });
    expect(event.time?.toISOString()).toBe("2026-06-01T09:00:00.000Z");
    expect(one({ type: "track", event: "x", anonymousId: "a", messageId: "m" }).time).toBeNull();
  });

  it("reads an empty user id as absent", () => {
    expect(one({ type: "track", event: "e", userId: "", anonymousId: "a-1", messageId: "m-3" })).toMatchObject({ userid: null, subject: "segment/a-1" });
  });

  it("reads numeric ids as their digits and JSON null members as absent", () => {
    expect(one({ type: "identify", userId: 42, anonymousId: null, messageId: "m-2" })).toMatchObject({
      userid: "42",
      anonymousid: null,
      subject: "segment/42",
    });
  });

  it.each([
    [
      "page",
      { name: "Checkout", category: "Shop", properties: { path: "/checkout" } },
      { segmentname: "Checkout", segmentcategory: "Shop" },
      { path: "/checkout" },
    ],
    ["screen", { name: "Cart", properties: { items: 2 } }, { segmentname: "Cart" }, { items: 2 }],
    ["identify", { traits: { email: "jane@example.com", plan: "gold" } }, {}, { email: "jane@example.com", plan: "gold" }],
    ["group", { groupId: "org-1", traits: { name: "Acme" } }, { segmentgroupid: "org-1" }, { name: "Acme" }],
  ])("maps %s: the word as the type, properties or traits as data, its own members as extensions", (type, members, extensions, data) => {
    const event = one({ type, userId: "u-1", messageId: `m-${type}`, ...members });
    expect(event.type).toBe(type);
    expect(event.extensions).toEqual(extensions);
    expect(event.data).toEqual({ kind: "json", value: data });
  });

  it("maps alias so the projector links previousId to userId: both ids on one event", () => {
    const event = one({ type: "alias", userId: "u-9", previousId: "anon-3", messageId: "m-alias", anonymousId: "anon-browser" });
    expect(event).toMatchObject({ type: "alias", subject: "segment/u-9", userid: "u-9", anonymousid: "anon-3", data: null });
    // The alias's own anonymous id is not the one it links: kept beside, not lost.
    expect(event.extensions).toEqual({ segmentextra: '{"anonymousId":"anon-browser"}' });
  });

  it("keeps members Segment's spec does not name (another library's) in segmentextra", () => {
    expect(one({ ...track, rudderId: "r-1", channel: "server" }).extensions.segmentextra).toBe('{"rudderId":"r-1"}');
  });

  it("leaves transport out of the content: a retry with a new sentAt, receivedAt, writeKey or _metadata is the same event", () => {
    const first = map({ batch: [track], writeKey: "k", sentAt: "2026-06-01T10:00:01Z" })[0]!;
    const retried = map({
      batch: [
        { ...track, sentAt: "2026-06-01T10:05:00Z", receivedAt: "2026-06-01T10:05:01Z", _metadata: { nodeVersion: "22" }, writeKey: "other", version: 2 },
      ],
      writeKey: "k",
      sentAt: "2026-06-01T10:05:00Z",
    })[0]!;
    expect(contentHash(retried)).toBe(contentHash(first));
    expect(contentHash({ ...first, data: { kind: "json", value: { orderId: "O-1", total: 43 } } })).not.toBe(contentHash(first));
  });

  it("applies a batch's own context to each message, the message's members winning", () => {
    const [a] = map({ batch: [{ ...track, context: { ip: "198.51.100.1" } }], context: { ip: "203.0.113.1", locale: "en-GB" } });
    expect(a!.extensions.segmentcontext).toBe('{"ip":"198.51.100.1","locale":"en-GB"}');
  });

  it("takes the type from a single message's route", () => {
    const { type: _t, ...withoutType } = track;
    expect(map(withoutType, "track")[0]!.type).toBe("Order Completed");
    expect(map({ userId: "u", messageId: "m", traits: { a: 1 } }, "identify")[0]!.type).toBe("identify");
  });
});

describe("Segment messages refused: the message index and the field", () => {
  it.each([
    [{ batch: [track, { ...track, messageId: undefined }] }, "batch[1].messageId"],
    [{ batch: [track, track, track, { ...track, messageId: "" }] }, "batch[3].messageId"],
    [{ batch: [{ ...track, event: "" }] }, "batch[0].event"],
    [{ batch: [{ ...track, userId: undefined, anonymousId: undefined }] }, "batch[0].userId"],
    [{ batch: [{ ...track, timestamp: "2026-02-30T10:00:00Z" }] }, "batch[0].timestamp"],
    [{ batch: [{ ...track, timestamp: "2026-06-01T10:00:00" }] }, "batch[0].timestamp"],
    [{ batch: [{ ...track, properties: [1, 2] }] }, "batch[0].properties"],
    [{ batch: [{ ...track, type: "purchase" }] }, "batch[0].type"],
    [{ batch: [{ type: "alias", userId: "u", messageId: "m" }] }, "batch[0].previousId"],
    [{ batch: [{ type: "group", userId: "u", messageId: "m" }] }, "batch[0].groupId"],
    [{ batch: [{ ...track, userId: "cus_0123456789abcdef0123" }] }, "batch[0].userId"],
    [{ batch: [{ ...track, properties: { note: "a\u0000b" } }] }, "batch[0].properties.note"],
    [{ batch: [{ ...track, messageId: "x".repeat(1_100) }] }, "batch[0].messageId"],
    [{ batch: ["not a message"] }, "batch[0]"],
  ])("%#: names %s", (body, field) => {
    const error = refusal(() => map(body));
    expect(error.status).toBe(422);
    expect(error.details.field).toBe(field);
    expect(error.message.startsWith(`${field}: `)).toBe(true);
  });

  it("names every bad message, not just the first, and maps none of the batch", () => {
    const error = refusal(() => map({ batch: [track, { ...track, messageId: "" }, track, { ...track, event: 3 }] }));
    expect((error.details.issues as { field: string }[]).map((i) => i.field)).toEqual(["batch[1].messageId", "batch[3].event"]);
  });

  it("names the field alone for a single message, and refuses a type its route does not take", () => {
    expect(refusal(() => map({ ...track, messageId: undefined }, "track")).details.field).toBe("messageId");
    expect(refusal(() => map(track, "identify")).details.field).toBe("type");
  });

  it("holds a message to the event-shape limits, naming the member and the limit", () => {
    const deep = { ...track, properties: JSON.parse(`${'{"a":'.repeat(70)}1${"}".repeat(70)}`) };
    const error = refusal(() => map({ batch: [track, deep] }));
    expect(error.details).toMatchObject({ index: 1, field: "batch[1].properties", limit: { name: "depth", value: 64 } });
  });

  it("refuses a body that is not a batch, and a batch over the events-per-request limit (413)", () => {
    expect(refusal(() => map([track])).details.field).toBe("batch");
    expect(refusal(() => map({ batch: "none" })).message).toBe("batch: batch must be a JSON array of messages");
    expect(refusal(() => map({ batch: [track], context: "x" })).details.field).toBe("context");
    const tight = { ...LIMITS, maxEventsPerRequest: 2 };
    expect(refusal(() => segmentBodyToEvents({ batch: [track, track, track] }, "batch", "segment", tight)).status).toBe(413);
  });
});
