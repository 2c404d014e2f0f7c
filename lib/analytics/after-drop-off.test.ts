import { describe, expect, it } from "vitest";
import { type CohortSession, figureSessions, followUps, lowerMedianSeconds, pathKeyGoesThrough, summariseAfterDropOff } from "./after-drop-off";

const H = 3_600_000;
const session = (id: string, userId: string | null, startH: number, outcome = "abandoned", path = ["search", `end:${outcome}`]): CohortSession => ({
  id,
  userId,
  startedAt: startH * H,
  lastEventAt: startH * H + H / 2,
  outcome,
  path,
});

describe("what came after a drop-off", () => {
  it("follows each customer once, from their first drop-off", () => {
    const drops = [session("b", "u1", 10), session("a", "u1", 2), session("anon", null, 3)];
    const later = [session("a", "u1", 2), session("b", "u1", 10), session("c", "u1", 30, "completed", ["search", "pay", "end:completed"])];
    const all = followUps(drops, later);
    expect(all).toHaveLength(1);
    expect(all[0]!.reference.id).toBe("a");
    // The second drop-off is their next session: it came after the first.
    expect(all[0]!.next?.session.id).toBe("b");
    expect(all[0]!.next?.gapMs).toBe(7.5 * H);
    expect(all[0]!.completed).toEqual({ session: later[2], afterMs: 27.5 * H });
    const summary = summariseAfterDropOff(all, drops);
    expect(summary).toMatchObject({ dropOffSessions: 3, anonymous: 1, customers: 1, cameBackEver: { customers: 1, rate: 1 } });
    expect(summary.cameBack.map((c) => c.customers)).toEqual([1, 1, 1]);
    expect(summary.completedLater.medianSeconds).toBe(27.5 * 3600);
  });

  it("measures the return from the drop-off's last event, and counts a return past 30 days only as a return", () => {
    const drops = [session("a", "u1", 0), session("x", "u2", 0)];
    const all = followUps(drops, [session("b", "u1", 24.5 + 6 * 24), session("y", "u2", 31 * 24)]);
    const summary = summariseAfterDropOff(all, drops);
    expect(summary.cameBack.map((c) => c.customers)).toEqual([0, 1, 1]);
    expect(summary.cameBackEver.customers).toBe(2);
    expect(figureSessions(all, "back-7").map((s) => s.id)).toEqual(["b"]);
    expect(figureSessions(all, "back-any").map((s) => s.id)).toEqual(["y", "b"]);
    expect(figureSessions(all, "dropped").map((s) => s.id)).toEqual(["a", "x"]);
  });

  it("groups next sessions by path and drills into a graph node through the paths drawn", () => {
    const drops = [session("a", "u1", 0), session("x", "u2", 0), session("p", "u3", 0)];
    const next = [session("b", "u1", 5, "browsed", ["search", "end:browsed"]), session("y", "u2", 6, "browsed", ["search", "end:browsed"])];
    const all = followUps(drops, [...next, session("q", "u3", 7, "completed", ["search", "pay", "end:completed"])]);
    const summary = summariseAfterDropOff(all, drops, 1);
    expect(summary.nextPaths).toEqual([{ key: "search>end:browsed", steps: ["search"], outcome: "browsed", customers: 2, share: 2 / 3 }]);
    expect(summary.otherPaths).toEqual({ paths: 1, customers: 1 });
    expect(figureSessions(all, "through:0:search", ["search>end:browsed"]).map((s) => s.id)).toEqual(["y", "b"]);
    expect(figureSessions(all, "path:search>pay>end:completed").map((s) => s.id)).toEqual(["q"]);
    expect(pathKeyGoesThrough("search>pay>end:completed", "0:search~1:pay")).toBe(true);
    expect(pathKeyGoesThrough("search>pay>end:completed", "end:completed")).toBe(true);
    expect(pathKeyGoesThrough("search>end:browsed", "1:pay")).toBe(false);
  });

  it("takes the lower median in whole seconds", () => {
    expect(lowerMedianSeconds([])).toBeNull();
    expect(lowerMedianSeconds([4_000, 1_999, 3_000, 10_000])).toBe(3);
  });
});
