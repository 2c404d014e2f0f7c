import { describe, expect, it } from "vitest";
import { accessLogFilterOf, accessLogParams, accessLogQuerySchema } from "./access-log-query";

describe("the access log's query", () => {
  it("reads every filter, the action one of the audit actions", () => {
    const query = accessLogQuerySchema.parse({ customer: " usr-1 ", viewer: "key:3", action: "replay.viewed", from: "2026-06-01", to: "2026-06-02" });
    expect(query).toEqual({ customer: "usr-1", viewer: "key:3", action: "replay.viewed", from: "2026-06-01", to: "2026-06-02" });
    const filter = accessLogFilterOf(query);
    expect(filter.from?.toISOString()).toBe("2026-06-01T00:00:00.000Z");
    // "to" is the whole day: up to the next midnight, exclusive.
    expect(filter.to?.toISOString()).toBe("2026-06-03T00:00:00.000Z");
  });

  it("drops a filter it cannot read rather than refusing the page", () => {
    expect(accessLogQuerySchema.parse({ action: "deleted.everything", from: "13/11/2026", before: "-4" })).toEqual({});
  });

  it("writes the query back as parameters, leaving empty ones out", () => {
    expect(String(accessLogParams({ viewer: "env:REWIND_API_KEY", action: undefined, before: 12 }))).toBe("viewer=env%3AREWIND_API_KEY&before=12");
  });
});
