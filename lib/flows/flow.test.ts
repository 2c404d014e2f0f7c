import { describe, expect, it } from "vitest";
import { LATE_AFTER_MS, layOutFlow, type FlowInput } from "./flow";

const T0 = Date.parse("2026-05-01T10:00:00Z");
let position = 0;
function ev(partial: Partial<FlowInput> & { eventId: string; source: string; at: number }): FlowInput {
  position += 1;
  return { position, type: "t", causationid: null, userid: null, time: T0 + partial.at * 1000, recordedAt: T0 + partial.at * 1000, ...partial };
}

describe("laying out a flow", () => {
  it("orders by event time, gives each service a lane in the order it first acts, and links causes", () => {
    const started = ev({ eventId: "b1", source: "/booking", at: 0, userid: "usr-1" });
    const paid = ev({ eventId: "p1", source: "/payment", at: 30, causationid: "b1" });
    const confirmed = ev({ eventId: "b2", source: "/booking", at: 31, causationid: "p1", userid: "usr-1" });
    const flow = layOutFlow([confirmed, started, paid]);
    expect(flow.services).toEqual(["/booking", "/payment"]);
    expect(flow.steps.map((s) => s.event.eventId)).toEqual(["b1", "p1", "b2"]);
    expect(flow.steps.map((s) => s.lane)).toEqual([0, 1, 0]);
    expect(flow.steps.map((s) => s.causedBy)).toEqual([null, 0, 1]);
    expect(flow.users).toEqual(["usr-1"]);
    expect(flow.endedAt! - flow.startedAt!).toBe(31_000);
  });

  it("names a cause that is not in the flow instead of pointing at nothing", () => {
    const flow = layOutFlow([ev({ eventId: "x", source: "/s", at: 0, causationid: "elsewhere" })]);
    expect(flow.steps[0]).toMatchObject({ causedBy: null, causeMissing: "elsewhere" });
  });

  it("marks deliveries recorded well after later events were, and events appended after something that happened later", () => {
    // Recorded live: "late" happened at 5 s but reached the store 5 minutes after "a" (10 s) did.
    const a = ev({ eventId: "a", source: "/s", at: 10 });
    const late = ev({ eventId: "late", source: "/p", at: 5, recordedAt: T0 + 10_000 + 5 * 60_000 });
    const slow = ev({ eventId: "c", source: "/s", at: 20, recordedAt: T0 + 30_000 + LATE_AFTER_MS });
    const d = ev({ eventId: "d", source: "/s", at: 30 });
    const flow = layOutFlow([a, late, slow, d]);
    const byId = Object.fromEntries(flow.steps.map((s) => [s.event.eventId, s]));
    expect(byId.late!.lateByMs).toBe(5 * 60_000);
    expect(byId.a!.lateByMs).toBeNull();
    expect(byId.c!.lateByMs).toBeNull();
    expect(byId.late!.outOfOrder).toBe(true);
    expect(byId.a!.outOfOrder).toBe(false);
    expect(flow.steps.map((s) => s.event.eventId)).toEqual(["late", "a", "c", "d"]);
  });

  it("does not call a flow recorded in one go late, however long after it happened", () => {
    const imported = T0 + 30 * 86_400_000;
    const flow = layOutFlow([
      ev({ eventId: "x", source: "/s", at: 0, recordedAt: imported }),
      ev({ eventId: "y", source: "/s", at: 600, recordedAt: imported }),
    ]);
    expect(flow.steps.map((s) => s.lateByMs)).toEqual([null, null]);
  });

  it("compares only with events that happened strictly later", () => {
    const flow = layOutFlow([
      ev({ eventId: "x", source: "/s", at: 0, recordedAt: T0 + 10 * 60_000 }),
      ev({ eventId: "y", source: "/s", at: 0, recordedAt: T0 }),
    ]);
    expect(flow.steps.map((s) => s.lateByMs)).toEqual([null, null]);
  });

  it("is empty for no events", () => {
    expect(layOutFlow([])).toEqual({ services: [], steps: [], users: [], startedAt: null, endedAt: null });
  });
});
