import { describe, expect, it } from "vitest";
import type { FunnelAnswer } from "./api-schemas";
import { compareFunnels, signed } from "./funnel-comparison";

const funnel = (sessions: number, steps: [key: string, label: string, sessions: number][]): FunnelAnswer => ({
  journey: "shop",
  from: "2026-06-01",
  to: "2026-06-30",
  sessions,
  steps: steps.map(([key, label, n], i) => ({
    key,
    label,
    sessions: n,
    droppedOff: n - (steps[i + 1]?.[2] ?? 0),
    medianSecondsFromPrevious: null,
    dropReasons: [],
  })),
});

describe("compareFunnels", () => {
  it("matches the steps by key and differences each, draft minus current", () => {
    const current = funnel(10, [
      ["viewed", "Viewed", 8],
      ["ordered", "Ordered", 2],
    ]);
    const draft = funnel(12, [
      ["viewed", "Viewed a product", 9],
      ["ordered", "Ordered", 5],
    ]);
    const compared = compareFunnels(current, draft);
    expect(compared.sessions).toEqual({ current: 10, draft: 12, difference: 2 });
    expect(compared.steps.map((s) => [s.key, s.label, s.current, s.draft, s.difference, s.only])).toEqual([
      ["viewed", "Viewed a product", 8, 9, 1, null],
      ["ordered", "Ordered", 2, 5, 3, null],
    ]);
    expect(compared.steps[1]!.currentShare).toBeCloseTo(0.2);
    expect(compared.steps[1]!.draftShare).toBeCloseTo(5 / 12);
    expect(compared.largest).toBe(12);
  });

  it("keeps the draft's order, adds a step the draft adds, and lists a step it removes last", () => {
    const current = funnel(10, [
      ["viewed", "Viewed", 8],
      ["wished", "Wish-listed", 4],
      ["ordered", "Ordered", 2],
    ]);
    const draft = funnel(10, [
      ["viewed", "Viewed", 8],
      ["carted", "Added to cart", 6],
      ["ordered", "Ordered", 2],
    ]);
    const steps = compareFunnels(current, draft).steps;
    expect(steps.map((s) => [s.key, s.only, s.difference])).toEqual([
      ["viewed", null, 0],
      ["carted", "draft", 6],
      ["ordered", null, 0],
      ["wished", "current", -4],
    ]);
    expect(steps[1]!.currentShare).toBeNull();
  });

  it("has no shares for a funnel without sessions (a journey the draft creates)", () => {
    const compared = compareFunnels(funnel(0, []), funnel(3, [["viewed", "Viewed", 3]]));
    expect(compared.steps).toEqual([
      { key: "viewed", label: "Viewed", current: null, draft: 3, difference: 3, currentShare: null, draftShare: 1, only: "draft" },
    ]);
  });
});

describe("signed", () => {
  it("writes a difference with its sign, a real minus for a fall", () => {
    expect([signed(12), signed(-3), signed(0), signed(1234)]).toEqual(["+12", "−3", "0", "+1,234"]);
  });
});
