import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anEvent } from "../testing/event-factory";
import { createTestStore, testProviders, type TestStore } from "../testing/test-stores";
import { appendEvents } from "./append";
import { readCorrelationIdsOfUser, readFeed, readFeedBackward, readLastEventsOf } from "./read";

describe.each(testProviders())("the reads behind the explorer's user filter and the audit viewers, on %s", (provider) => {
  let t: TestStore;
  beforeAll(async () => {
    t = await createTestStore(provider);
    await appendEvents(t.store, [
      anEvent({ id: "u1-search", subject: "web/u1", userid: "u1", correlationid: "FL-1" }),
      // The payment service knows the booking's flow, not the customer: no user id.
      anEvent({ id: "pay-1", source: "payment/psp", subject: "payment/P-1", correlationid: "FL-1" }),
      anEvent({ id: "u1-other", subject: "web/u1", userid: "u1", correlationid: "FL-2" }),
      anEvent({ id: "u1-plain", subject: "web/u1", userid: "u1" }),
      // Another customer's event on u1's flow is theirs, not joined to u1.
      anEvent({ id: "u2-on-fl1", subject: "web/u2", userid: "u2", correlationid: "FL-1" }),
      anEvent({ id: "pay-9", source: "payment/psp", subject: "payment/P-9", correlationid: "FL-9" }),
      anEvent({ id: "a1", subject: "audit/a", type: "t.a" }),
      anEvent({ id: "a2", subject: "audit/a", type: "t.b" }),
      anEvent({ id: "b1", subject: "audit/b", type: "t.c" }),
    ]);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it("joins a user's events that carry no user id by the correlation ids of theirs, and no other", async () => {
    const ids = await readCorrelationIdsOfUser(t.store, "u1");
    expect(ids).toEqual(["FL-2", "FL-1"]); // those of their newest events first
    const all = await readFeed(t.store, { limit: 1000 });
    // The same set by a plain loop over the raw events.
    const expected = all
      .filter((e) => e.userid === "u1" || (e.userid === null && e.correlationid !== null && ids.includes(e.correlationid)))
      .map((e) => e.eventId)
      .reverse();
    const joined = await readFeedBackward(t.store, { filter: { userid: "u1", joinedCorrelationIds: ids } });
    expect(joined.map((e) => e.eventId)).toEqual(expected);
    expect(joined.map((e) => e.eventId)).toEqual(["u1-plain", "u1-other", "pay-1", "u1-search"]);
    // Narrowed by type as well, the join still holds only within the filter.
    expect((await readFeed(t.store, { filter: { userid: "u1", joinedCorrelationIds: ids, source: "payment/psp" } })).map((e) => e.eventId)).toEqual(["pay-1"]);
    // Without the list, exactly the user's own.
    expect((await readFeed(t.store, { filter: { userid: "u1" } })).map((e) => e.eventId)).toEqual(["u1-search", "u1-other", "u1-plain"]);
  });

  it("reads the newest event of each stream that exists, skipping those that do not", async () => {
    const last = await readLastEventsOf(t.store, ["audit/a", "audit/b", "audit/none", "audit/a"]);
    expect(last.map((e) => [e.stream, e.eventId]).sort()).toEqual([
      ["audit/a", "a2"],
      ["audit/b", "b1"],
    ]);
    expect(await readLastEventsOf(t.store, [])).toEqual([]);
  });
});
