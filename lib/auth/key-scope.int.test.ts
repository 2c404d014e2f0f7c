import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { createApiKey, identifyCaller, listApiKeys } from "./api-keys";
import { firstOutOfScope, typedKeyTypesSchema } from "./key-scope";

const event = (id: string, type: string, source = "/holidays/search") => ({ id, source, type });

describe.each(testProviders())("a producer key limited to types (%s)", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
  });
  afterAll(() => t.dispose());

  it("keeps its patterns as typed and appends only what they match, naming the first stranger and its attribute", async () => {
    const types = typedKeyTypesSchema.parse("search.*, offers.offer.viewed");
    const key = await createApiKey(t.store, "producer", "search service", { source: "/holidays/search", types, createdBy: "test" });
    const caller = (await identifyCaller(t.store, `Bearer ${key}`, {}))!;
    expect(caller).toMatchObject({ kind: "producer", source: "/holidays/search", types: ["search.*", "offers.offer.viewed"] });
    expect((await listApiKeys(t.store)).find((k) => k.name === "search service")?.types).toBe('["search.*","offers.offer.viewed"]');

    expect(
      firstOutOfScope(caller, [event("a", "search.destinations.searched"), event("b", "offers.offer.viewed"), event("c", "search.destination.viewed")]),
    ).toBeNull();
    expect(firstOutOfScope(caller, [event("a", "search.destinations.searched"), event("pay-1", "payment.payment.succeeded")])).toMatchObject({
      index: 1,
      id: "pay-1",
      attribute: "type",
      value: "payment.payment.succeeded",
      allowed: ["search.*", "offers.offer.viewed"],
      message: 'event 1 (id "pay-1"): type "payment.payment.succeeded" is not one this key appends (search.*, offers.offer.viewed)',
    });
    // Not a prefix match: the pattern is the whole type.
    expect(firstOutOfScope(caller, [event("x", "offers.offer.viewed.again")])).toMatchObject({ index: 0, attribute: "type" });
    // The source is still checked, first.
    expect(firstOutOfScope(caller, [event("s", "search.destinations.searched", "/holidays/payment")])).toMatchObject({
      index: 0,
      id: "s",
      attribute: "source",
      allowed: "/holidays/search",
    });
  });

  it("without types appends any type of its source, as before", async () => {
    const key = await createApiKey(t.store, "producer", "payments", { source: "/holidays/payment" });
    const caller = (await identifyCaller(t.store, `Bearer ${key}`, {}))!;
    expect(caller.types).toBeNull();
    expect(
      firstOutOfScope(caller, [event("p", "payment.payment.succeeded", "/holidays/payment"), event("q", "anything.at.all", "/holidays/payment")]),
    ).toBeNull();
  });

  it("a service key never carries types", async () => {
    const key = await createApiKey(t.store, "service", "reader", { types: ["search.*"] });
    expect((await identifyCaller(t.store, `Bearer ${key}`, {}))!.types).toBeNull();
  });
});

describe("type patterns as typed", () => {
  it("are comma-separated; empty is any type; a space inside one is refused", () => {
    expect(typedKeyTypesSchema.parse(" payment.* ,booking.booking.confirmed ")).toEqual(["payment.*", "booking.booking.confirmed"]);
    expect(typedKeyTypesSchema.parse("")).toBeNull();
    expect(typedKeyTypesSchema.safeParse("search.* offers.*").success).toBe(false);
  });
});
